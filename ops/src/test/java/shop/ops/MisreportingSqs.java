package shop.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import shop.platform.config.Config;

/**
 * An SQS endpoint (AWS JSON protocol) that knows every queue and reports a message count that is
 * not a number, so that the adapter's parsing throws a {@link NumberFormatException}: an {@link
 * IllegalArgumentException} that no client caused.
 */
public final class MisreportingSqs implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger received = new AtomicInteger();

  public MisreportingSqs() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** The ops module's config, with SQS here and everything else nowhere. */
  public Config config() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return new Config(
        Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test",
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
            "AWS_ENDPOINT_URL_SQS", url));
  }

  /** How many requests reached this endpoint. */
  public int received() {
    return received.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    received.incrementAndGet();
    exchange.getRequestBody().readAllBytes();
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String body =
        switch (target == null ? "" : target) {
          case "AmazonSQS.GetQueueUrl" -> "{\"QueueUrl\":\"http://127.0.0.1/000000000000/q\"}";
          case "AmazonSQS.GetQueueAttributes" ->
              "{\"Attributes\":{\"ApproximateNumberOfMessages\":\"lots\","
                  + "\"ApproximateNumberOfMessagesNotVisible\":\"0\"}}";
          default -> null;
        };
    byte[] bytes =
        (body == null ? "{\"__type\":\"InvalidAction\"}" : body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(body == null ? 400 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
