package shop.user.account;

import java.time.Instant;
import java.util.OptionalLong;

/** The TOTP algorithm (port): RFC 6238 as authenticator apps implement it. */
public interface TotpCodes {

  /** A new random secret, as apps take it (Base32). */
  String newSecret();

  /**
   * The time step near {@code now} (within the allowed clock drift) whose code is {@code code};
   * empty when none is.
   */
  OptionalLong matchingStep(String secret, String code, Instant now);

  /** The {@code otpauth://} URI for an app to scan, labelled with {@code account}. */
  String uri(String account, String secret);
}
