package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class Argon2PasswordsTest {
  private final Argon2Passwords cheap = new Argon2Passwords(1024, 1);

  @Test
  void aHashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
    String hash = cheap.hash("a long and unusual passphrase");

    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
    assertThat(hash).doesNotContain("passphrase");
    assertThat(cheap.matches("a long and unusual passphrase", hash)).isTrue();
    assertThat(cheap.matches("a long and unusual passphrasE", hash)).isFalse();
    assertThat(cheap.hash("a long and unusual passphrase")).isNotEqualTo(hash);
  }

  @Test
  void checksAHashWithTheParametersItWasMadeWith() {
    String old = new Argon2Passwords(512, 2).hash("a long and unusual passphrase");

    assertThat(cheap.matches("a long and unusual passphrase", old)).isTrue();
  }

  @Test
  void aMalformedHashMatchesNothing() {
    assertThat(cheap.matches("x", "$2a$10$notargon")).isFalse();
    assertThat(cheap.matches("x", "$argon2id$v=19$m=abc,t=1,p=1$c2FsdA$aGFzaA")).isFalse();
  }

  @Test
  void theDefaultCostTakesAtLeastAHundredMilliseconds() {
    Argon2Passwords standard = Argon2Passwords.withDefaultCost();
    standard.hash("warm up the JIT first");

    long fastestMillis =
        LongStream.range(0, 3)
            .map(
                i -> {
                  long start = System.nanoTime();
                  standard.hash("a long and unusual passphrase");
                  return (System.nanoTime() - start) / 1_000_000;
                })
            .min()
            .orElseThrow();

    assertThat(fastestMillis).isGreaterThanOrEqualTo(100);
  }
}
