package shop.user.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import shop.user.account.PasswordHasher;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so that each hash carries the parameters it was made
 * with: a hash made with other parameters still verifies, and {@link #needsRehash} says when to
 * replace it.
 *
 * <p>The default cost is one of OWASP's Argon2id minimums (Password Storage Cheat Sheet): 19 MiB, 2
 * passes, 1 lane. It takes about 140 ms for one hash on one core of the 2-core benchmark machine
 * (docs/BENCHMARKS.md): slow for guessing, acceptable for a login. The earlier 46 MiB with 4 passes
 * was four times OWASP's time cost at that memory and took 0.7-0.9 s.
 *
 * <p>At most {@code maxConcurrent} hashes run at once (default: one per CPU); the others wait their
 * turn. More would not finish sooner, since a hash keeps one core busy, but each would hold its
 * memory meanwhile: a burst of logins could otherwise fill the heap.
 */
public final class Argon2Passwords implements PasswordHasher {
  public static final int DEFAULT_MEMORY_KIB = 19_456;
  public static final int DEFAULT_ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final Semaphore running;
  private final SecureRandom random = new SecureRandom();

  public Argon2Passwords(int memoryKib, int iterations) {
    this(memoryKib, iterations, Runtime.getRuntime().availableProcessors());
  }

  public Argon2Passwords(int memoryKib, int iterations, int maxConcurrent) {
    // Fair: hashes start in arrival order, so no unlucky login waits behind many later ones.
    this(memoryKib, iterations, new Semaphore(requirePositive(maxConcurrent), true));
  }

  /** With the permits a hash must hold while it runs (tests hold them to see a hash wait). */
  Argon2Passwords(int memoryKib, int iterations, Semaphore running) {
    if (memoryKib < 8 || iterations < 1) {
      throw new IllegalArgumentException("Argon2 needs at least 8 KiB and 1 iteration");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.running = running;
  }

  private static int requirePositive(int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("at least one hash must be allowed to run");
    }
    return maxConcurrent;
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

  /** True when {@code encodedHash} was not made with this hasher's parameters. */
  @Override
  public boolean needsRehash(String encodedHash) {
    Encoded encoded = Encoded.parse(encodedHash);
    return encoded == null
        || encoded.memoryKib() != memoryKib
        || encoded.iterations() != iterations
        || encoded.parallelism() != PARALLELISM
        || encoded.hash().length != HASH_BYTES;
  }

  private byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    running.acquireUninterruptibly();
    try {
      return generate(password, salt, memoryKib, iterations, parallelism, length);
    } finally {
      running.release();
    }
  }

  private static byte[] generate(
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
