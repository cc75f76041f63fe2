package shop.platform.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {
  @Test
  void aCheckpointRunsEveryRegisteredPrimerOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Priming.Primer primer = Priming.register("counting", runs::incrementAndGet);

    assertThat(Priming.primeAll()).isPositive();
    assertThat(runs).hasValue(1);

    // SnapStart calls the CRaC hook itself.
    Priming.checkpoint().beforeCheckpoint(null);
    assertThat(runs).hasValue(2);
    assertThat(primer).isNotNull();
  }

  @Test
  void aFailingPrimerDoesNotFailTheCheckpointNorStopTheOthers() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Priming.Primer failing =
        Priming.register(
            "failing",
            () -> {
              throw new IllegalStateException("no network before the snapshot");
            });
    Priming.Primer counting = Priming.register("counting", runs::incrementAndGet);

    Priming.checkpoint().beforeCheckpoint(null);

    assertThat(runs).hasValue(1);
    assertThat(failing).isNotNull();
    assertThat(counting).isNotNull();
  }
}
