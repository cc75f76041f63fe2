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
 */
public record AccessClaims(
    UUID userId,
    String email,
    String name,
    String phone,
    boolean smsOptIn,
    Set<String> roles,
    String stripeCustomerId) {

  public AccessClaims {
    roles = Set.copyOf(roles);
  }

  public static AccessClaims of(Account account) {
    return new AccessClaims(
        account.id(),
        account.email(),
        account.name(),
        account.phone(),
        account.smsOptIn(),
        account.roles(),
        account.stripeCustomerId());
  }
}
