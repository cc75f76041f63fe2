package shop.platform.auth;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * A JWK's integers (an RSA key's {@code n} and {@code e}): RFC 7518's Base64urlUInt, the unsigned
 * big-endian bytes, base64url without padding. {@link BigInteger#toByteArray()} adds a sign byte
 * that must go.
 */
public final class Base64UrlUInt {
  private Base64UrlUInt() {}

  public static String encode(BigInteger value) {
    byte[] signed = value.toByteArray();
    int start = signed.length > 1 && signed[0] == 0 ? 1 : 0;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOfRange(signed, start, signed.length));
  }
}
