package shop.user.adapter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import shop.platform.config.Lazy;

/**
 * Encrypts small secrets for storage with AES-256-GCM under an application key (the JDK's own
 * cipher; no KMS: the local cloud has none, and one key read at start costs no call per login).
 * Each value gets a fresh 96-bit nonce, and {@code context} (e.g. the owner's id) is bound in as
 * associated data, so a sealed value copied onto another row does not open. Stored as {@code
 * v1:<base64url(nonce || ciphertext || tag)>}; a value without the prefix was stored before
 * encryption and is returned as it is.
 */
public final class AesGcmSecretBox {
  static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<SecretKeySpec> key;

  /**
   * @param keyMaterial the application key (at least 32 characters of a random secret), read on
   *     first use; the AES key is its SHA-256
   */
  public AesGcmSecretBox(Supplier<String> keyMaterial) {
    this.key = Lazy.of(() -> aesKey(keyMaterial.get()));
  }

  public String seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, context, bytes(plaintext));
    byte[] stored = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
  }

  public String open(String stored, String context) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    byte[] raw = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
    byte[] nonce = java.util.Arrays.copyOf(raw, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(raw, NONCE_BYTES, raw.length);
    return new String(crypt(Cipher.DECRYPT_MODE, nonce, context, sealed), StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, String context, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(bytes(context));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // A wrong key or a tampered value: never a reason to go on without the secret.
      throw new IllegalStateException("a sealed secret does not open with this key", e);
    }
  }

  private static SecretKeySpec aesKey(String material) {
    if (material == null || material.length() < 32) {
      throw new IllegalStateException(
          "TOTP_ENCRYPTION_KEY must be a random secret of at least 32 characters");
    }
    try {
      return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(bytes(material)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
