package shop.localstack.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint: a JDK HttpServer that keeps every POST's body and Stripe-Signature. */
final class WebhookReceiver implements AutoCloseable {
  record Received(String payload, String signature) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/webhooks/stripe",
        exchange -> {
          received.add(
              new Received(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst("Stripe-Signature")));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/stripe");
  }

  /** What arrived so far that mentions {@code text} (an intent's id). */
  List<Received> mentioning(String text) {
    return received.stream().filter(r -> r.payload().contains(text)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
