package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutBoundsTest {

  @Test
  void oneFailureAndAFixedLockAreALockout() {
    Lockout strict =
        new Lockout(1, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(1));

    assertThat(strict.lockAfter(0)).isZero();
    assertThat(strict.lockAfter(1)).isEqualTo(Duration.ofMinutes(5));
    assertThat(strict.lockAfter(3)).isEqualTo(Duration.ofMinutes(5));
  }
}
