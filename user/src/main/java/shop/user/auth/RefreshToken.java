package shop.user.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An opaque refresh token: 256 random bits, base64url. Only its SHA-256 is stored; a fast hash is
 * enough because the token has full entropy (unlike a password).
 */
record RefreshToken(String value, String hash) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static RefreshToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new RefreshToken(value, hashOf(value));
  }

  public static String hashOf(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "RefreshToken[hash=" + hash.substring(0, 8) + "...]";
  }
}
