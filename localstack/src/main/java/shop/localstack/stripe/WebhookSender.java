package shop.localstack.stripe;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends events to webhook endpoints as Stripe does: a POST of the event JSON, signed in {@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" under the endpoint's
 * secret>}, asynchronously (as with Stripe, it may arrive before the caller has read the answer of
 * the API call that caused it); an answer other than 2xx (or none) is tried again, up to four
 * attempts 1, 4 and 16 seconds apart (Stripe keeps trying for days).
 */
final class WebhookSender implements AutoCloseable {
  private static final int ATTEMPTS = 4;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("stripe-webhooks").daemon().factory());

  Delivery deliver(String payload, WebhookEndpoints.Endpoint endpoint) {
    Delivery delivery = new Delivery(endpoint);
    schedule.execute(() -> attempt(delivery, payload, 1));
    return delivery;
  }

  /** The {@code Stripe-Signature} header of {@code payload} signed at {@code timestamp}. */
  static String signature(String secret, long timestamp, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private void attempt(Delivery delivery, String payload, int attempt) {
    // Each attempt on a virtual thread of its own: a slow endpoint holds up no other delivery.
    Thread.ofVirtual()
        .name("stripe-webhook")
        .start(
            () -> {
              if (!send(delivery, payload) && attempt < ATTEMPTS) {
                try {
                  schedule.schedule(
                      () -> attempt(delivery, payload, attempt + 1),
                      1L << (2 * (attempt - 1)),
                      TimeUnit.SECONDS);
                } catch (RejectedExecutionException closed) {
                  delivery.failed("the sandbox stopped before the next attempt");
                }
              }
            });
  }

  private boolean send(Delivery delivery, String payload) {
    HttpRequest request =
        HttpRequest.newBuilder(delivery.endpoint().url())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .header(
                "Stripe-Signature",
                signature(delivery.endpoint().secret(), Instant.now().getEpochSecond(), payload))
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      delivery.answered(status);
      return status / 100 == 2;
    } catch (IOException e) {
      delivery.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delivery.failed("interrupted");
      return false;
    }
  }

  @Override
  public void close() {
    schedule.shutdownNow();
    http.close();
  }
}
