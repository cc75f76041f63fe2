package shop.user.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import shop.user.account.PasswordHasher;

/**
 * A transparent "hash" that counts how often it is checked: for use case tests only. Hashes it
 * makes look like {@code plain:<password>}; {@code old-plain:<password>} stands for a hash made
 * with an outdated cost: it matches, and needs a rehash.
 */
public final class PlainPasswords implements PasswordHasher {
  public final AtomicInteger hashes = new AtomicInteger();
  public final AtomicInteger checks = new AtomicInteger();

  /** The hashes checked, in order. */
  public final List<String> checked = new CopyOnWriteArrayList<>();

  /** When set, hashing fails with it (a hasher out of memory, say). */
  public volatile RuntimeException hashFailure;

  @Override
  public String hash(String password) {
    if (hashFailure != null) {
      throw hashFailure;
    }
    hashes.incrementAndGet();
    return "plain:" + password;
  }

  @Override
  public boolean matches(String password, String encodedHash) {
    checks.incrementAndGet();
    checked.add(encodedHash);
    return encodedHash.equals("plain:" + password) || encodedHash.equals("old-plain:" + password);
  }

  @Override
  public boolean needsRehash(String encodedHash) {
    return !encodedHash.startsWith("plain:");
  }
}
