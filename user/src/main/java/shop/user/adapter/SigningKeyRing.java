package shop.user.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The token signing keys as kept in the signing secret. Its JSON:
 *
 * <pre>{@code
 * {"keys": [
 *   {"kid": "2026-11", "active": true,  "privateKeyPem": "-----BEGIN PRIVATE KEY-----\n..."},
 *   {"kid": "2026-05", "active": false, "privateKeyPem": "-----BEGIN PRIVATE KEY-----\n..."}
 * ]}
 * }</pre>
 *
 * Keys are RSA (at least 2048 bits) in PKCS#8 PEM. Exactly one is active and signs new tokens; all
 * are published in the JWKS, so tokens signed before a rotation stay valid until they expire.
 * Rotate by adding a new key as active and marking the old one inactive; drop the old one after the
 * access token lifetime (15 minutes) plus the verifiers' JWKS cache time.
 */
public final class SigningKeyRing {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<SigningKey> keys;
  private final SigningKey active;

  private SigningKeyRing(List<SigningKey> keys) {
    this.keys = List.copyOf(keys);
    List<SigningKey> actives = keys.stream().filter(SigningKey::active).toList();
    if (actives.size() != 1) {
      throw new IllegalArgumentException(
          "the signing secret must mark exactly one key active, not " + actives.size());
    }
    if (keys.stream().map(SigningKey::kid).distinct().count() != keys.size()) {
      throw new IllegalArgumentException("the signing secret repeats a kid");
    }
    this.active = actives.get(0);
  }

  /** Reads the secret's JSON; the message of a failure names what is wrong, never key material. */
  public static SigningKeyRing parse(String secretJson) {
    JsonNode root;
    try {
      root = JSON.readTree(secretJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("the signing secret is not JSON");
    }
    JsonNode list = root == null ? null : root.get("keys");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("the signing secret has no \"keys\" array");
    }
    List<SigningKey> keys = new ArrayList<>();
    for (JsonNode node : list) {
      String kid = node.path("kid").asText("");
      if (kid.isBlank()) {
        throw new IllegalArgumentException("a signing key has no kid");
      }
      RSAPrivateCrtKey privateKey = privateKey(kid, node.path("privateKeyPem").asText(""));
      keys.add(
          new SigningKey(
              kid, privateKey, publicKey(privateKey), node.path("active").asBoolean(false)));
    }
    return new SigningKeyRing(keys);
  }

  /** A fresh secret with one new active 2048-bit key: what the local cloud stores at startup. */
  public static String newSecretJson(String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                  .encodeToString(pkcs8)
              + "\n-----END PRIVATE KEY-----\n";
      ObjectNode root = JSON.createObjectNode();
      ArrayNode keys = root.putArray("keys");
      keys.addObject().put("kid", kid).put("active", true).put("privateKeyPem", pem);
      return JSON.writeValueAsString(root);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make an RSA key", e);
    }
  }

  public SigningKey active() {
    return active;
  }

  public List<SigningKey> keys() {
    return keys;
  }

  public Optional<SigningKey> find(String kid) {
    return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  private static RSAPrivateCrtKey privateKey(String kid, String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    if (base64.isEmpty()) {
      throw new IllegalArgumentException("signing key " + kid + " has no PKCS#8 privateKeyPem");
    }
    java.security.PrivateKey key;
    try {
      key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("signing key " + kid + " is not a PKCS#8 RSA private key");
    }
    if (!(key instanceof RSAPrivateCrtKey crt) || crt.getModulus().bitLength() < 2048) {
      throw new IllegalArgumentException("signing key " + kid + " is not an RSA key of 2048+ bits");
    }
    return crt;
  }

  private static RSAPublicKey publicKey(RSAPrivateCrtKey privateKey) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  /** One key: its private half signs, its public half verifies. */
  public record SigningKey(
      String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, boolean active) {
    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + ", active=" + active + "]";
    }
  }
}
