package shop.user.adapter;

import java.time.Instant;
import shop.user.account.Account;
import shop.user.account.AccountMail;

/**
 * Account mail has no way out yet: the notification service sends what events tell it to, and the
 * events for these mails (address confirmation, repeated registration, password reset) are not in
 * events-schema yet (issue #19). Until they are, each mail is logged as not sent, without its
 * token, so that the gap shows in the logs rather than as silence.
 */
public final class UndeliveredAccountMail implements AccountMail {
  private static final System.Logger LOG = System.getLogger(UndeliveredAccountMail.class.getName());

  @Override
  public void confirmAddress(Account account, String token, Instant expiresAt) {
    notSent("address confirmation", account);
  }

  @Override
  public void registrationAttempted(Account owner, Instant at) {
    notSent("repeated registration notice", owner);
  }

  @Override
  public void resetPassword(Account account, String token, Instant expiresAt) {
    notSent("password reset", account);
  }

  private static void notSent(String mail, Account account) {
    LOG.log(
        System.Logger.Level.WARNING,
        "the "
            + mail
            + " mail for user "
            + account.id()
            + " was not sent: no event carries it yet");
  }
}
