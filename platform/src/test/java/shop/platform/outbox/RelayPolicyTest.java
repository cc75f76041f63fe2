package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;

class RelayPolicyTest {
  private final RelayPolicy policy =
      new RelayPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(1));

  @Test
  void doublesTheDelayAfterEachFailure() {
    assertThat(policy.backoff(1, 0.999999))
        .isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
    assertThat(policy.backoff(2, 0.999999))
        .isBetween(Duration.ofMillis(3999), Duration.ofSeconds(4));
    assertThat(policy.backoff(3, 0.999999))
        .isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
  }

  @Test
  void keepsAtLeastHalfTheDelaySoARowNeverComesDueAtOnce() {
    assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void spreadsTheDelayWithTheRandomDraw() {
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void capsTheDelay() {
    assertThat(policy.backoff(6, 0.999999))
        .isBetween(Duration.ofMillis(59_999), Duration.ofSeconds(60));
    assertThat(policy.backoff(1_000, 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(policy.backoff(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void parksOnTheLastAllowedAttempt() {
    assertThat(policy.parks(4)).isFalse();
    assertThat(policy.parks(5)).isTrue();
  }

  @Test
  void readsOverridesFromConfig() {
    RelayPolicy configured =
        RelayPolicy.from(
            new Config(Map.of("OUTBOX_MAX_ATTEMPTS", "3", "OUTBOX_BASE_DELAY", "PT0.5S")));

    assertThat(configured.maxAttempts()).isEqualTo(3);
    assertThat(configured.baseDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(configured.maxDelay()).isEqualTo(RelayPolicy.defaults().maxDelay());
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(
            () ->
                new RelayPolicy(
                    0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RelayPolicy(
                    3, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.backoff(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
