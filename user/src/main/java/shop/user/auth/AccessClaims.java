package shop.user.auth;

import java.util.Set;
import java.util.UUID;
import shop.user.account.Account;

/**
 * What an access token says about its user; the signer adds issuer, audience, times and token id.
 *
 * @param phone null when the user gave none
 * @param stripeCustomerId null before the first saved payment method
 */
public record AccessClaims(
    UUID userId,
    String email,
    String name,
    String phone,
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
        account.roles(),
        account.stripeCustomerId());
  }
}
