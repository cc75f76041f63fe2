package shop.user.auth;

import java.util.Set;
import java.util.UUID;
import shop.user.account.Account;

/**
 * What an access token says about its user; the signer adds issuer, audience, times and token id.
 *
 * @param phone null when the user gave none
 * @param smsOptIn whether the user agreed to SMS, so that order events can say so without a call
 *     back
 * @param stripeCustomerId null before the first saved payment method
 * @param amr how the login proved who the user is ({@link #PASSWORD}, {@link #ONE_TIME_CODE}); a
 *     refresh keeps the login's
 */
public record AccessClaims(
    UUID userId,
    String email,
    String name,
    String phone,
    boolean smsOptIn,
    Set<String> roles,
    String stripeCustomerId,
    Set<String> amr) {

  /** {@code amr} value (RFC 8176): the password was checked. */
  public static final String PASSWORD = "pwd";

  /** {@code amr} value: a one-time code of the account's TOTP factor was checked. */
  public static final String ONE_TIME_CODE = "otp";

  public AccessClaims {
    roles = Set.copyOf(roles);
    amr = Set.copyOf(amr);
  }

  /** The claims of {@code account}'s token from a login that proved {@code amr}. */
  public static AccessClaims of(Account account, Set<String> amr) {
    return new AccessClaims(
        account.id(),
        account.email(),
        account.name(),
        account.phone(),
        account.smsOptIn(),
        account.roles(),
        account.stripeCustomerId(),
        amr);
  }
}
