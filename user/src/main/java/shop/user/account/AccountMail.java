package shop.user.account;

import java.time.Instant;

/**
 * The emails an account's owner gets about the account itself (port). Each carries at most a
 * one-time token, never a password. A mail that carries a token also records it (as {@link
 * OneTimeTokens} would), in one step with the mail: a token exists exactly when the mail that
 * carries it goes out, so no link is ever mailed that cannot work, and no token waits for a mail
 * that was lost.
 */
public interface AccountMail {

  /**
   * Records {@code token} to confirm the account's address until {@code expiresAt} ({@link
   * OneTimeTokens.Purpose#VERIFY_EMAIL}) and asks the owner to follow it.
   */
  void confirmAddress(Account account, String token, Instant expiresAt);

  /** Tells the owner that someone tried to register their address again. */
  void registrationAttempted(Account owner, Instant at);

  /**
   * Records {@code token} to set a new password until {@code expiresAt} ({@link
   * OneTimeTokens.Purpose#RESET_PASSWORD}) and sends the owner a link with it.
   */
  void resetPassword(Account account, String token, Instant expiresAt);
}
