package shop.user.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Failed login attempts per account, for the lockout (port). */
public interface LoginFailures {

  /** The times of the account's failures since {@code since}, oldest first. */
  List<Instant> since(UUID userId, Instant since);

  void record(UUID userId, Instant at);

  /** Forgets the account's failures (after a successful login). */
  void clear(UUID userId);
}
