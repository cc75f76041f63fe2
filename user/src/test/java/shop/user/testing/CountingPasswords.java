package shop.user.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shop.user.account.PasswordHasher;

/**
 * The real hasher, counting how often each stored hash is checked: a test can tell the checks of an
 * account's own hash from those of the dummy hash that stands in for a missing or locked one.
 */
public final class CountingPasswords implements PasswordHasher {
  private final PasswordHasher hasher;
  private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();

  public CountingPasswords(PasswordHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public String hash(String password) {
    return hasher.hash(password);
  }

  @Override
  public boolean matches(String password, String encodedHash) {
    checks.computeIfAbsent(encodedHash, h -> new AtomicInteger()).incrementAndGet();
    return hasher.matches(password, encodedHash);
  }

  @Override
  public boolean needsRehash(String encodedHash) {
    return hasher.needsRehash(encodedHash);
  }

  /** How often {@code encodedHash} was checked. */
  public int checksOf(String encodedHash) {
    AtomicInteger count = checks.get(encodedHash);
    return count == null ? 0 : count.get();
  }

  /** How many checks there were, of any hash. */
  public int checks() {
    return checks.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
