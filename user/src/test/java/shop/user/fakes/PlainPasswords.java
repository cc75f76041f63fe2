package shop.user.fakes;

import java.util.concurrent.atomic.AtomicInteger;
import shop.user.account.PasswordHasher;

/** A transparent "hash" that counts how often it is checked: for use case tests only. */
public final class PlainPasswords implements PasswordHasher {
  public final AtomicInteger hashes = new AtomicInteger();
  public final AtomicInteger checks = new AtomicInteger();

  @Override
  public String hash(String password) {
    hashes.incrementAndGet();
    return "plain:" + password;
  }

  @Override
  public boolean matches(String password, String encodedHash) {
    checks.incrementAndGet();
    return encodedHash.equals("plain:" + password);
  }
}
