package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.domain.TooManyAttemptsException;
import shop.platform.testing.MutableClock;

class SourceThrottleTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T09:00:10Z");
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, Instant> windows = new HashMap<>();
  private final SourceAttempts attempts =
      new SourceAttempts() {
        @Override
        public int count(String source, Instant windowStart) {
          windows.put(source, windowStart);
          return counts.merge(source + windowStart, 1, Integer::sum);
        }

        @Override
        public int forgetBefore(Instant windowStart) {
          int before = windows.size();
          windows.values().removeIf(start -> start.isBefore(windowStart));
          return before - windows.size();
        }
      };
  private final SourceThrottle throttle =
      new SourceThrottle(attempts, 3, Duration.ofMinutes(1), clock);

  @Test
  void refusesASourceOverTheLimitUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      throttle.admit("198.51.100.7");
    }

    assertThatThrownBy(() -> throttle.admit("198.51.100.7"))
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(50)));
    throttle.admit("203.0.113.9");
    clock.advance(Duration.ofSeconds(50));
    throttle.admit("198.51.100.7");
    assertThat(counts).containsKey("198.51.100.7" + Instant.parse("2026-11-24T09:01:00Z"));
  }

  @Test
  void pruningForgetsOnlyTheAddressesWhoseWindowEnded() {
    throttle.admit("198.51.100.7");
    clock.advance(Duration.ofMinutes(1));
    throttle.admit("203.0.113.9");

    assertThat(throttle.prune()).isEqualTo(1);
    assertThat(windows).containsOnlyKeys("203.0.113.9");
  }

  @Test
  void aLimitOfOneAdmitsOneAttemptAndNoLimitIsRefused() {
    SourceThrottle single = new SourceThrottle(attempts, 1, Duration.ofMinutes(1), clock);

    single.admit("203.0.113.9");
    assertThatThrownBy(() -> single.admit("203.0.113.9"))
        .isInstanceOf(TooManyAttemptsException.class);
    assertThatThrownBy(() -> new SourceThrottle(attempts, 0, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SourceThrottle(attempts, 1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
