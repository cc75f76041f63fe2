package shop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void buildsOnFirstUseOnlyAndOnceEvenUnderRacingCallers() {
    AtomicInteger builds = new AtomicInteger();
    Lazy<String> lazy = Lazy.of(() -> "built " + builds.incrementAndGet());

    assertThat(builds).hasValue(0);
    IntStream.range(0, 64).parallel().forEach(i -> assertThat(lazy.get()).isEqualTo("built 1"));
    assertThat(builds).hasValue(1);
  }

  @Test
  void aFailedBuildIsTriedAgainByTheNextCaller() {
    AtomicInteger attempts = new AtomicInteger();
    Lazy<String> lazy =
        Lazy.of(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
              }
              return "second time";
            });

    assertThatThrownBy(lazy::get).hasMessage("not yet");
    assertThat(lazy.get()).isEqualTo("second time");
  }
}
