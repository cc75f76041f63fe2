package shop.user.auth;

import java.time.Instant;

/** Attempts on the account routes per source address, in fixed windows (port). */
public interface SourceAttempts {

  /**
   * Counts one attempt from {@code source} in the window that started at {@code windowStart}, in
   * one atomic step; returns the attempts in that window including this one.
   */
  int count(String source, Instant windowStart);

  /**
   * Forgets the addresses whose window started before {@code windowStart} (ended: their count no
   * longer matters); returns how many.
   */
  int forgetBefore(Instant windowStart);
}
