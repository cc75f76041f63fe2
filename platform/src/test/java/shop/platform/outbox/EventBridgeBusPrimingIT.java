package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.snapstart.Priming;

/** Priming runs the bus's PutEvents through the SDK, and the bus receives nothing. */
class EventBridgeBusPrimingIT {
  private final AtomicInteger received = new AtomicInteger();
  private HttpServer server;
  private EventBridgeBus bus;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    bus =
        EventBridgeBus.create(
            new AwsClients(
                new Config(
                    Map.of(
                        "AWS_REGION", "eu-west-1",
                        "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local",
                        "AWS_ENDPOINT_URL_EVENTBRIDGE",
                            "http://127.0.0.1:" + server.getAddress().getPort()))));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void primingSendsPutEventsThroughTheSdkButNotToTheBus() {
    long primed = AwsClients.primedRequests();

    Priming.primeAll();

    assertThat(AwsClients.primedRequests() - primed).isPositive();
    assertThat(received).hasValue(0);

    List<EventBus.Result> results =
        bus.publish(
            List.of(
                new EventBus.Outgoing(
                    "e-1", "shop.test", "Tested", Instant.parse("2026-12-06T00:00:00Z"), "{}")));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.ok()).isTrue());
    assertThat(received).hasValue(1);
  }
}
