package shop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.client.transaction.model.PlaceOrderRequest;
import shop.client.transaction.model.PlaceOrderRequestItemsInner;

class ShopApiTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ShopApi shop;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/orders",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] problem =
              """
              {"type":"https://shop.example/problems/validation","title":"Invalid request",\
              "status":400,"errors":[{"field":"items","message":"must not be empty"}]}"""
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
          exchange.sendResponseHeaders(400, problem.length);
          exchange.getResponseBody().write(problem);
          exchange.close();
        });
    server.start();
    shop = ShopApi.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsTheCallersTokenAndHeadersToTheBaseUrlAndAnswersAProblemAsAFailure() {
    PlaceOrderRequest order =
        new PlaceOrderRequest()
            .addItemsItem(new PlaceOrderRequestItemsInner().productId("p1").quantity(2))
            .paymentMethodId("pm_1");

    ApiFailure problem =
        catchThrowableOfType(
            ApiFailure.class,
            () ->
                ShopApi.call(
                    () -> shop.transaction().placeOrder("key-1", order, ShopApi.bearer("t0k3n"))));

    assertThat(seen)
        .singleElement()
        .asString()
        .startsWith("POST /orders Bearer t0k3n key-1 {")
        .contains("\"productId\":\"p1\"", "\"quantity\":2", "\"paymentMethodId\":\"pm_1\"");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.header("content-type")).contains("application/problem+json");
    assertThat(problem.body()).contains("\"field\":\"items\"");
  }
}
