package shop.user.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret handed to one party: 256 random bits, base64url. Only its SHA-256 is stored; a fast hash
 * is enough because the value has full entropy (unlike a password), and a stolen table holds
 * nothing that can be presented.
 */
public record OpaqueToken(String value, String hash) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static OpaqueToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new OpaqueToken(value, hashOf(value));
  }

  public static String hashOf(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "OpaqueToken[hash=" + hash.substring(0, 8) + "...]";
  }
}
