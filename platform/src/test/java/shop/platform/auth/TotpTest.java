package shop.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  // RFC 6238 appendix B's SHA-1 seed.
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheRfc6238TestVectors(long epochSecond, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(epochSecond));

    assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcVectors() {
    String secret = Totp.base32(RFC_KEY);

    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
  }

  @Test
  void acceptsACodeFromOneStepEitherSideAndSaysWhichStep() {
    String secret = Totp.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_010);
    long step = Totp.step(now);

    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now), now)).hasValue(step);
    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now.minusSeconds(30)), now))
        .hasValue(step - 1);
    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now.plusSeconds(30)), now))
        .hasValue(step + 1);
  }

  @Test
  void refusesACodeTwoStepsAwayOrMalformed() {
    String secret = Totp.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_010);

    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now.minusSeconds(60)), now)).isEmpty();
    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now.plusSeconds(60)), now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345a", now)).isEmpty();
    assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
  }

  @Test
  void base32RoundTripsAndReadsWhatAppsPrint() {
    byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 42, 7};
    String text = Totp.base32(bytes);

    assertThat(Totp.fromBase32(text)).isEqualTo(bytes);
    assertThat(Totp.fromBase32(text.toLowerCase() + "=")).isEqualTo(bytes);
    assertThatThrownBy(() -> Totp.fromBase32("not base32!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newSecretsAre160BitsAndDiffer() {
    assertThat(Totp.fromBase32(Totp.newSecret())).hasSize(20);
    assertThat(Totp.newSecret()).isNotEqualTo(Totp.newSecret());
  }

  @Test
  void theUriIsTheKeyUriFormat() {
    assertThat(Totp.uri("Shop", "ada@example.com", "ABC"))
        .isEqualTo(
            "otpauth://totp/Shop:ada%40example.com?secret=ABC&issuer=Shop"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
