package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventBridgeBusTest {
  private final List<PutEventsRequest> requests = new ArrayList<>();

  @Test
  void sendsEachEventAsAnEntryOfTheBus() {
    EventBridgeBus bus = bus(request -> answer(ok(), ok()));

    List<EventBus.Result> results = bus.publish(List.of(outgoing("a"), outgoing("b")));

    assertThat(results).containsExactly(EventBus.Result.accepted(), EventBus.Result.accepted());
    var entry = requests.getFirst().entries().getFirst();
    assertThat(entry.eventBusName()).isEqualTo("shop-events");
    assertThat(entry.source()).isEqualTo("shop.user");
    assertThat(entry.detailType()).isEqualTo("UserRegistered");
    assertThat(entry.detail()).isEqualTo("{\"id\":\"a\"}");
    assertThat(entry.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void failsOnlyTheEntriesWithAnErrorCode() {
    EventBridgeBus bus =
        bus(request -> answer(1, ok(), failed("ThrottlingException", "Rate exceeded"), ok()));

    List<EventBus.Result> results =
        bus.publish(List.of(outgoing("a"), outgoing("b"), outgoing("c")));

    assertThat(results)
        .containsExactly(
            EventBus.Result.accepted(),
            EventBus.Result.failed("ThrottlingException", "Rate exceeded"),
            EventBus.Result.accepted());
  }

  @Test
  void failsEntriesTheAnswerLeftOutOrGaveNoEventId() {
    EventBridgeBus bus = bus(request -> answer(0, PutEventsResultEntry.builder().build()));

    List<EventBus.Result> results = bus.publish(List.of(outgoing("a"), outgoing("b")));

    assertThat(results).extracting(EventBus.Result::ok).containsExactly(false, false);
    assertThat(results)
        .extracting(EventBus.Result::errorCode)
        .containsExactly("MissingEventId", "MissingEntry");
  }

  @Test
  void failsEveryEntryWhenTheCallThrows() {
    EventBridgeBus bus =
        bus(
            request -> {
              throw SdkClientException.create("connection refused");
            });

    List<EventBus.Result> results = bus.publish(List.of(outgoing("a"), outgoing("b")));

    assertThat(results)
        .allSatisfy(
            result -> {
              assertThat(result.ok()).isFalse();
              assertThat(result.describe()).contains("SdkClientException", "connection refused");
            });
  }

  // The server answers only when released, after the assertions: without the SDK's timeouts the
  // call would wait for ever, and this turns that hang into a failure.
  @Test
  @Timeout(60)
  void aBusThatDoesNotAnswerFailsTheEntriesWithTheCallTimeout() throws Exception {
    HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    CountDownLatch released = new CountDownLatch(1);
    silent.createContext(
        "/",
        exchange -> {
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    silent.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    silent.start();
    try {
      Config config =
          new Config(
              Map.of(
                  "AWS_REGION", "us-east-1",
                  "AWS_ACCESS_KEY_ID", "test",
                  "AWS_SECRET_ACCESS_KEY", "test",
                  "AWS_ENDPOINT_URL_EVENTBRIDGE",
                      "http://127.0.0.1:" + silent.getAddress().getPort()));
      EventBridgeBus bus =
          EventBridgeBus.create(
              new AwsClients(config), Duration.ofMillis(200), Duration.ofMillis(500));

      List<EventBus.Result> results = bus.publish(List.of(outgoing("a")));

      assertThat(results).singleElement().satisfies(r -> assertThat(r.ok()).isFalse());
      assertThat(results.getFirst().describe()).contains("Timeout");
    } finally {
      released.countDown();
      silent.stop(0);
    }
  }

  @Test
  void refusesMoreThanTenEvents() {
    EventBridgeBus bus = bus(request -> answer());

    assertThatThrownBy(
            () -> bus.publish(IntStream.range(0, 11).mapToObj(i -> outgoing("e" + i)).toList()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private EventBridgeBus bus(Function<PutEventsRequest, PutEventsResponse> answer) {
    EventBridgeClient client =
        new EventBridgeClient() {
          @Override
          public PutEventsResponse putEvents(PutEventsRequest request) {
            requests.add(request);
            return answer.apply(request);
          }

          @Override
          public String serviceName() {
            return "events";
          }

          @Override
          public void close() {}
        };
    return new EventBridgeBus(client, "shop-events");
  }

  private static EventBus.Outgoing outgoing(String id) {
    return new EventBus.Outgoing(
        id,
        "shop.user",
        "UserRegistered",
        Instant.parse("2026-01-01T00:00:00Z"),
        "{\"id\":\"" + id + "\"}");
  }

  private static PutEventsResponse answer(PutEventsResultEntry... entries) {
    return answer(0, entries);
  }

  private static PutEventsResponse answer(int failed, PutEventsResultEntry... entries) {
    return PutEventsResponse.builder().failedEntryCount(failed).entries(entries).build();
  }

  private static PutEventsResultEntry ok() {
    return PutEventsResultEntry.builder().eventId("eb-" + System.nanoTime()).build();
  }

  private static PutEventsResultEntry failed(String code, String message) {
    return PutEventsResultEntry.builder().errorCode(code).errorMessage(message).build();
  }
}
