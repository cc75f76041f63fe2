package shop.user.adapter;

import java.time.Instant;
import java.util.OptionalLong;
import shop.platform.auth.Totp;
import shop.user.account.TotpCodes;

/**
 * TOTP codes with the platform's RFC 6238 implementation, labelled {@code issuer} in apps:
 * 30-second steps, 6 digits, one step of drift either way.
 */
public final class Rfc6238Codes implements TotpCodes {
  private final String issuer;

  public Rfc6238Codes(String issuer) {
    this.issuer = issuer;
  }

  @Override
  public String newSecret() {
    return Totp.newSecret();
  }

  @Override
  public OptionalLong matchingStep(String secret, String code, Instant now) {
    return Totp.matchingStep(secret, code, now);
  }

  @Override
  public String uri(String account, String secret) {
    return Totp.uri(issuer, account, secret);
  }
}
