package shop.user.account;

import java.time.Instant;

/**
 * The emails an account's owner gets about the account itself (port). Each carries at most a
 * one-time token, never a password.
 */
public interface AccountMail {

  /** Asks the owner to confirm the address with {@code token} (a link) before {@code expiresAt}. */
  void confirmAddress(Account account, String token, Instant expiresAt);

  /** Tells the owner that someone tried to register their address again. */
  void registrationAttempted(Account owner, Instant at);

  /** Sends the owner a link to set a new password with {@code token} before {@code expiresAt}. */
  void resetPassword(Account account, String token, Instant expiresAt);
}
