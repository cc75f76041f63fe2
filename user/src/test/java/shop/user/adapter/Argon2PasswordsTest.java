package shop.user.adapter;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
  void aHashWithOtherParametersNeedsARehashAndOneWithTheseDoesNot() {
    String older = new Argon2Passwords(512, 2).hash("a long and unusual passphrase");
    String current = cheap.hash("a long and unusual passphrase");

    assertThat(cheap.needsRehash(older)).isTrue();
    assertThat(cheap.needsRehash(current)).isFalse();
    assertThat(cheap.needsRehash("$2a$10$notargon")).isTrue();
  }

  @Test
  void theDefaultCostIsAnOwaspArgon2idMinimum() {
    String hash = Argon2Passwords.withDefaultCost().hash("a long and unusual passphrase");

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void aHashWaitsUntilAPermitIsFree() throws Exception {
    Semaphore permits = new Semaphore(1);
    Argon2Passwords bounded = new Argon2Passwords(1024, 1, permits);
    permits.acquire();
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<String> hash = thread.submit(() -> bounded.hash("a long and unusual passphrase"));

      Thread.sleep(200);
      assertThat(hash.isDone()).isFalse();
      permits.release();
      assertThat(bounded.matches("a long and unusual passphrase", hash.get(10, SECONDS))).isTrue();
    }
    assertThat(permits.availablePermits()).isEqualTo(1);
  }

  @Test
  void aMalformedHashMatchesNothing() {
    assertThat(cheap.matches("x", "$2a$10$notargon")).isFalse();
    assertThat(cheap.matches("x", "$argon2id$v=19$m=abc,t=1,p=1$c2FsdA$aGFzaA")).isFalse();
  }

  @Test
  void theDefaultCostIsAtLeastOwaspsMinimumForArgon2id() {
    // What the cost takes in time is measured by ./shop bench load (docs/BENCHMARKS.md), not here:
    // a timed assertion would fail on a faster or a busier machine. Here: the parameters.
    String hash = Argon2Passwords.withDefaultCost().hash("a long and unusual passphrase");

    var parameters =
        java.util.regex.Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$")
            .matcher(hash);
    assertThat(parameters.find()).as(hash).isTrue();
    assertThat(Integer.parseInt(parameters.group(1))).isGreaterThanOrEqualTo(19 * 1024);
    assertThat(Integer.parseInt(parameters.group(2))).isGreaterThanOrEqualTo(2);
  }
}
