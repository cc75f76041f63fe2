package shop.localstack.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * The sandbox's Stripe as the services call it (stripe-java, a restricted test key, no retries),
 * its admin routes, and the shop's usual calls as fixtures.
 */
final class SandboxStripe {
  private static final ObjectMapper JSON = new ObjectMapper();
  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every first request
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final URI url;
  final StripeClient stripe;

  SandboxStripe(URI url) {
    this.url = url;
    this.stripe =
        StripeClient.builder()
            .setApiKey("rk_test_sandbox_it")
            .setApiBase(url.toString())
            .setMaxNetworkRetries(0)
            .build();
  }

  Customer customer() throws StripeException {
    return stripe
        .v1()
        .customers()
        .create(CustomerCreateParams.builder().setEmail("ada@example.com").setName("Ada").build());
  }

  /** Attaches test card {@code testCard} (pm_card_visa, ...) to {@code customer}. */
  PaymentMethod attach(String testCard, String customer) throws StripeException {
    return stripe
        .v1()
        .paymentMethods()
        .attach(testCard, PaymentMethodAttachParams.builder().setCustomer(customer).build());
  }

  /** An off-session charge as transaction's StripePayments makes it. */
  static PaymentIntentCreateParams.Builder offSessionCharge(
      long amount, String paymentMethod, String customer) {
    PaymentIntentCreateParams.Builder params =
        PaymentIntentCreateParams.builder()
            .setAmount(amount)
            .setCurrency("eur")
            .setPaymentMethod(paymentMethod)
            .setConfirm(true)
            .setOffSession(true)
            .putMetadata("order_id", "order-" + UUID.randomUUID());
    if (customer != null) {
      params.setCustomer(customer);
    }
    return params;
  }

  PaymentIntent charge(PaymentIntentCreateParams.Builder params) throws StripeException {
    return stripe.v1().paymentIntents().create(params.build(), key(UUID.randomUUID().toString()));
  }

  static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  /** The customer's part of 3-D Secure ("succeed" or "fail") through the admin route. */
  HttpResponse<String> authenticate(String paymentIntent, String outcome) {
    return send(
        "POST",
        "/__admin/stripe/payment_intents/" + paymentIntent + "/authenticate",
        "{\"outcome\":\"" + outcome + "\"}");
  }

  /** Every event the sandbox sent, with its deliveries. */
  JsonNode events() throws IOException {
    return JSON.readTree(send("GET", "/__admin/stripe/events", null).body()).path("events");
  }

  HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
