package shop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import shop.localstack.app.seeds.DemoAdmin;
import shop.platform.http.HttpJson;

/** The REST calls the benchmarks make, built as requests (for the load) or sent (for set-up). */
final class ShopClient {
  static final String PASSWORD = "bench password for load";
  private static final Map<String, Object> ADDRESS =
      Map.of(
          "name",
          "Ada",
          "line1",
          "1 Main St",
          "city",
          "London",
          "postalCode",
          "N1 1AA",
          "country",
          "GB");

  private final HttpClient http;
  private final URI api;
  private final ObjectMapper json = HttpJson.mapper();

  ShopClient(HttpClient http, URI api) {
    this.http = http;
    this.api = api;
  }

  HttpRequest get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).GET();
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return request.build();
  }

  HttpRequest post(String path, String token, Object body) {
    return send("POST", path, token, body).build();
  }

  HttpRequest login(String email) {
    return post("/auth/login", null, Map.of("email", email, "password", PASSWORD));
  }

  HttpRequest placeOrder(String token, String productId) {
    return send(
            "POST",
            "/orders",
            token,
            Map.of(
                "items",
                java.util.List.of(Map.of("productId", productId, "quantity", 1)),
                "paymentMethodId",
                "pm_card_visa",
                "shippingAddress",
                ADDRESS))
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .build();
  }

  /** Registers a user and answers its access token. */
  String register(String email) {
    call(
        post(
            "/auth/register", null, Map.of("email", email, "password", PASSWORD, "name", "Bench")));
    return token(email, PASSWORD);
  }

  /**
   * Saves the sandbox's {@code pm_card_visa} for the user. The sandbox answers that same id for
   * every customer and the user service lets one user own a card, so only the first save takes (409
   * for the rest); checkout charges the id it is given either way.
   */
  void saveVisa(String token) {
    HttpRequest request =
        post("/users/me/payment-methods", token, Map.of("stripePaymentMethodId", "pm_card_visa"));
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
      if (status != 201 && status != 200 && status != 409) {
        throw new IllegalStateException("saving pm_card_visa answered " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The seeded admin's token, from a login with a fresh one-time code. */
  String adminToken() {
    return call(post(
            "/auth/login",
            null,
            Map.of(
                "email", DemoAdmin.EMAIL, "password", DemoAdmin.PASSWORD, "otp", DemoAdmin.otp())))
        .path("accessToken")
        .asText();
  }

  String token(String email, String password) {
    return call(post("/auth/login", null, Map.of("email", email, "password", password)))
        .path("accessToken")
        .asText();
  }

  /** Sends and answers the JSON body; anything but a 2xx stops the benchmark's set-up. */
  JsonNode call(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder send(String method, String path, String token, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .header("content-type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return request;
  }

  HttpRequest put(String path, String token, Object body) {
    return send("PUT", path, token, body).build();
  }

  byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
