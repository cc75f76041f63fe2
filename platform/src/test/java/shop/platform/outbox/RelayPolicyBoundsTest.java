package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayPolicyBoundsTest {

  @Test
  void oneAttemptAndAFixedDelayAreAPolicy() {
    RelayPolicy once =
        new RelayPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(1));

    assertThat(once.parks(1)).isTrue();
    assertThat(once.backoff(3, 0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theRandomDrawIsBelowOne() {
    RelayPolicy policy = RelayPolicy.defaults();

    assertThatThrownBy(() -> policy.backoff(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.backoff(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCapIsTheMaximumDelayEvenWhenTheDoublingReachesItExactly() {
    // 1 s doubled three times is 8 s, just under the 8.001 s cap.
    RelayPolicy policy =
        new RelayPolicy(10, Duration.ofSeconds(1), Duration.ofMillis(8_001), Duration.ofMinutes(1));

    assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofMillis(4_000));
    assertThat(policy.backoff(5, 0)).isEqualTo(Duration.ofMillis(4_001));
  }

  @Test
  void aBaseDelayTooLongToDoubleIsCappedRatherThanOverflowing() {
    // 2^61 ms doubled twice no longer fits in a long; the cap (2^62 + 2^60 ms) is the delay.
    long cap = (1L << 62) + (1L << 60);
    RelayPolicy policy =
        new RelayPolicy(
            10, Duration.ofMillis(1L << 61), Duration.ofMillis(cap), Duration.ofMinutes(1));

    assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofMillis(cap - cap / 2));
  }
}
