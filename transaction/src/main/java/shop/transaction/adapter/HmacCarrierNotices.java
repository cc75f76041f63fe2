package shop.transaction.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.platform.config.Config;
import shop.platform.config.SecretCache;
import shop.platform.config.SecretShape;
import shop.platform.http.HttpJson;
import shop.transaction.order.CarrierNotice;
import shop.transaction.order.CarrierNotices;
import shop.transaction.order.InvalidCarrierNotice;

/**
 * Carrier webhooks signed as Stripe signs its own: header {@code Carrier-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body" under the shared secret>}. The timestamp is signed with
 * the body, so a captured notice cannot be replayed more than {@link #TOLERANCE_SECONDS} later.
 */
public final class HmacCarrierNotices implements CarrierNotices {
  /** The most a notice may be late (or early, for a carrier's fast clock). */
  public static final long TOLERANCE_SECONDS = 300;

  /** A shared signing secret: long enough that it cannot be guessed. */
  static final SecretShape SHAPE =
      new SecretShape(
          Pattern.compile("[A-Za-z0-9_+/=-]{32,}"),
          "a carrier webhook signing secret (32 or more letters, digits or _+/=-)");

  private static final Pattern HEADER = Pattern.compile("t=([0-9]{1,12}),v1=([0-9a-f]{64})");

  private final Supplier<String> secret;
  private final Clock clock;
  private final ObjectMapper json = HttpJson.mapper();

  public HmacCarrierNotices(Supplier<String> secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** From {@code CARRIER_WEBHOOK_SECRET}, read through {@code secrets}. */
  public static HmacCarrierNotices from(Config config, SecretCache secrets, Clock clock) {
    return new HmacCarrierNotices(secrets.live(config, "CARRIER_WEBHOOK_SECRET", SHAPE), clock);
  }

  @Override
  public CarrierNotice verify(String body, String signature) {
    var header = HEADER.matcher(signature == null ? "" : signature);
    if (body == null || !header.matches()) {
      throw new InvalidCarrierNotice("a Carrier-Signature (t=...,v1=...) is required", null);
    }
    long timestamp = Long.parseLong(header.group(1));
    if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
      throw new InvalidCarrierNotice("the Carrier-Signature is too old", null);
    }
    byte[] expected = sign(secret.get(), timestamp, body);
    if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(header.group(2)))) {
      throw new InvalidCarrierNotice("the Carrier-Signature does not verify", null);
    }
    try {
      JsonNode node = json.readTree(body);
      return new CarrierNotice(
          text(node, "id"),
          text(node, "type"),
          text(node, "carrier"),
          text(node, "trackingNumber"));
    } catch (java.io.IOException e) {
      throw new InvalidCarrierNotice("the notice is not JSON", e);
    }
  }

  /** The signature of {@code body} at {@code timestamp}: what a carrier (or a test) sends. */
  public static byte[] sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 255) {
      throw new InvalidCarrierNotice("the notice has no " + field, null);
    }
    return value.asText();
  }
}
