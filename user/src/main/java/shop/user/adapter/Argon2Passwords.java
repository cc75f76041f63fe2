package shop.user.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import shop.user.account.PasswordHasher;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so that each hash carries the parameters it was made
 * with and the cost can be raised later without breaking old hashes. The default cost (46 MiB, 4
 * passes) takes about 150-300 ms on a Lambda-sized CPU: slow for guessing, acceptable for a login.
 */
public final class Argon2Passwords implements PasswordHasher {
  public static final int DEFAULT_MEMORY_KIB = 47_104;
  public static final int DEFAULT_ITERATIONS = 4;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public Argon2Passwords(int memoryKib, int iterations) {
    if (memoryKib < 8 || iterations < 1) {
      throw new IllegalArgumentException("Argon2 needs at least 8 KiB and 1 iteration");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  public static Argon2Passwords withDefaultCost() {
    return new Argon2Passwords(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS);
  }

  @Override
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  @Override
  public boolean matches(String password, String encodedHash) {
    Encoded encoded = Encoded.parse(encodedHash);
    if (encoded == null) {
      return false;
    }
    byte[] actual =
        derive(
            password,
            encoded.salt(),
            encoded.memoryKib(),
            encoded.iterations(),
            encoded.parallelism(),
            encoded.hash().length);
    return MessageDigest.isEqual(actual, encoded.hash());
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  /** A parsed PHC string; null from {@link #parse} when it is not an Argon2id hash of ours. */
  private record Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    static Encoded parse(String encoded) {
      if (encoded == null) {
        return null;
      }
      String[] parts = encoded.split("\\$");
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
        return null;
      }
      int m = -1;
      int t = -1;
      int p = -1;
      for (String param : parts[3].split(",")) {
        String[] kv = param.split("=", 2);
        if (kv.length != 2 || !kv[1].matches("[0-9]{1,9}")) {
          return null;
        }
        int value = Integer.parseInt(kv[1]);
        switch (kv[0]) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default -> {
            return null;
          }
        }
      }
      if (m < 8
          || t < 1
          || p < 1
          || !parts[4].matches("[A-Za-z0-9+/]+")
          || !parts[5].matches("[A-Za-z0-9+/]+")) {
        return null;
      }
      return new Encoded(m, t, p, B64_DECODE.decode(parts[4]), B64_DECODE.decode(parts[5]));
    }
  }
}
