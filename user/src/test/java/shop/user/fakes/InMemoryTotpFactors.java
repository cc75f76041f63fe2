package shop.user.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.user.account.TotpFactors;

/** TOTP factors in a map, with the SQL's compare-and-set rules. */
public final class InMemoryTotpFactors implements TotpFactors {
  private final Map<UUID, Factor> factors = new HashMap<>();

  @Override
  public synchronized boolean enrol(UUID userId, String secret, Instant now) {
    Factor f = factors.get(userId);
    if (f != null && f.active()) {
      return false;
    }
    factors.put(userId, new Factor(secret, false, null));
    return true;
  }

  @Override
  public synchronized Optional<Factor> find(UUID userId) {
    return Optional.ofNullable(factors.get(userId));
  }

  @Override
  public synchronized boolean activate(UUID userId, long step, Instant now) {
    Factor f = factors.get(userId);
    if (f == null || f.active() || !later(f, step)) {
      return false;
    }
    factors.put(userId, new Factor(f.secret(), true, step));
    return true;
  }

  @Override
  public synchronized boolean use(UUID userId, long step) {
    Factor f = factors.get(userId);
    if (f == null || !f.active() || !later(f, step)) {
      return false;
    }
    factors.put(userId, new Factor(f.secret(), true, step));
    return true;
  }

  @Override
  public synchronized void replaceActive(UUID userId, String secret, Instant now) {
    factors.put(userId, new Factor(secret, true, null));
  }

  private static boolean later(Factor f, long step) {
    return f.lastUsedStep() == null || f.lastUsedStep() < step;
  }
}
