package shop.platform.auth;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second
 * steps, 6 digits, the secret shared as unpadded Base32 (RFC 4648). Shared by the user service,
 * which checks codes, and the local tools and tests that log in as the seeded admin and compute
 * codes from its secret. Small enough to own: no maintained TOTP library is served to this build.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;

  /** Steps either side of now that a code may come from: a clock a little off still works. */
  public static final int ALLOWED_DRIFT_STEPS = 1;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random secret of 160 bits (RFC 4226's recommendation), in Base32. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return base32(key);
  }

  /** The time step that {@code at} falls in. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code an authenticator app shows at {@code at} for {@code base32Secret}. */
  public static String codeAt(String base32Secret, Instant at) {
    return code(fromBase32(base32Secret), step(at), DIGITS);
  }

  /**
   * The step, within {@link #ALLOWED_DRIFT_STEPS} of {@code now}, whose code is {@code code}; empty
   * when none is. The caller refuses a step it has already accepted, so a code cannot be replayed.
   */
  public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    byte[] key = fromBase32(base32Secret);
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    // Every candidate is computed and compared in constant time, so timing says nothing about
    // which step matched.
    for (long s = current - ALLOWED_DRIFT_STEPS; s <= current + ALLOWED_DRIFT_STEPS; s++) {
      byte[] expected = code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && found.isEmpty()) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  /**
   * The {@code otpauth://} URI that authenticator apps read from a QR code (Key Uri Format): {@code
   * issuer} and {@code account} label the entry.
   */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /** RFC 4226's HOTP of {@code step} with HMAC-SHA1 and dynamic truncation to {@code digits}. */
  static String code(byte[] key, long step, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA1", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    int otp = binary % (int) Math.pow(10, digits);
    return String.format(Locale.ROOT, "%0" + digits + "d", otp);
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** Decodes Base32 as apps print it: any case, spaces and padding ignored. */
  static byte[] fromBase32(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a TOTP secret is required");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '=' || c == ' ') {
        continue;
      }
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("a TOTP secret is Base32");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
