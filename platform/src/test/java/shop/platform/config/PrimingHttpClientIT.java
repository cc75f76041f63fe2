package shop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.platform.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** The SDK's requests while priming never reach a server; outside priming they do. */
class PrimingHttpClientIT {
  private final AtomicInteger received = new AtomicInteger();
  private HttpServer server;
  private AwsClients clients;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    clients =
        new AwsClients(
            new Config(
                Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort())));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aCallOutsidePrimingReachesTheServer() {
    DynamoDbClient dynamo = clients.build(DynamoDbClient.builder(), "DYNAMODB");

    assertThat(dynamo.getItem(r -> r.tableName("t").key(key())).hasItem()).isFalse();

    assertThat(received).hasValue(1);
  }

  @Test
  void whilePrimingNoRequestLeavesTheProcessAndTheRefusalIsNotRetried() {
    DynamoDbClient dynamo = clients.build(DynamoDbClient.builder(), "DYNAMODB");
    EventBridgeClient bus = clients.build(EventBridgeClient.builder(), "EVENTBRIDGE");
    AtomicReference<Throwable> read = new AtomicReference<>();
    AtomicReference<Throwable> put = new AtomicReference<>();
    Priming.Primer primer =
        Priming.register(
            "sdk calls",
            () -> {
              read.set(catchThrowable(() -> dynamo.getItem(r -> r.tableName("t").key(key()))));
              put.set(
                  catchThrowable(
                      () ->
                          bus.putEvents(
                              r ->
                                  r.entries(
                                      PutEventsRequestEntry.builder()
                                          .source("shop.test")
                                          .detailType("T")
                                          .detail("{}")
                                          .build()))));
            });

    long primed = AwsClients.primedRequests();
    Priming.primeAll();

    assertThat(received).hasValue(0);
    assertThat(AwsClients.primedRequests() - primed).isEqualTo(2);
    assertThat(read.get())
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(PrimingHttpClient.REFUSED);
              assertThat(e.retryable()).isFalse();
              assertThat(e.numAttempts()).isEqualTo(1);
            });
    assertThat(put.get())
        .isInstanceOfSatisfying(
            EventBridgeException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(PrimingHttpClient.REFUSED);
              assertThat(e.numAttempts()).isEqualTo(1);
            });
    assertThat(AwsClients.isPrimingRefusal(new IllegalStateException(read.get()))).isTrue();
    assertThat(AwsClients.isPrimingRefusal(new IllegalStateException("other"))).isFalse();
    assertThat(primer).isNotNull();

    // Priming over, the same client goes through again.
    dynamo.getItem(r -> r.tableName("t").key(key()));
    assertThat(received).hasValue(1);
  }

  private static Map<String, AttributeValue> key() {
    return Map.of("id", AttributeValue.fromS("1"));
  }
}
