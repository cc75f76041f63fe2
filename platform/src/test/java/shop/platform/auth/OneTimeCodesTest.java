package shop.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {
  @Test
  void handsOutTheCurrentStepThenTheNextAndNeverOneTwice() {
    String secret = Totp.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_010);
    var codes = new OneTimeCodes(secret, Clock.fixed(now, ZoneOffset.UTC));

    String first = codes.next();
    String second = codes.next();

    assertThat(Totp.matchingStep(secret, first, now)).hasValue(Totp.step(now));
    assertThat(Totp.matchingStep(secret, second, now)).hasValue(Totp.step(now) + 1);
  }

  @Test
  void aCallerAheadOfTheClockWaitsAndAnInterruptStopsTheWaitKeepingTheThreadInterrupted() {
    // The clock stands still, so the third code (two steps ahead) can only come after a wait.
    var codes =
        new OneTimeCodes(
            Totp.newSecret(), Clock.fixed(Instant.ofEpochSecond(1_700_000_010), ZoneOffset.UTC));
    codes.next();
    codes.next();

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(codes::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("interrupted");
    } finally {
      assertThat(Thread.interrupted()).as("still interrupted").isTrue();
    }
  }
}
