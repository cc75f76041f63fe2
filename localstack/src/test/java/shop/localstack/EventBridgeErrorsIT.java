package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventBridgeErrorsIT {
  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every first request
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final LocalCloud cloud;
  private final EventBridgeClient events;

  EventBridgeErrorsIT(LocalCloud cloud) {
    this.cloud = cloud;
    this.events = cloud.endpoints().eventBridgeClient();
  }

  @AfterAll
  void close() {
    events.close();
    http.close();
  }

  @Test
  void answersABodyThatIsNotJsonWithA400SerializationException() throws Exception {
    HttpResponse<String> response = post("AWSEvents.PutEvents", "{\"Entries\": [");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.1");
    assertThat(Queues.json(response.body()).path("__type").asText())
        .isEqualTo("SerializationException");
  }

  @Test
  void answersPutEventsWithoutEntriesWithA400ValidationException() throws Exception {
    HttpResponse<String> response = post("AWSEvents.PutEvents", "{\"Entries\": \"none\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Queues.json(response.body());
    assertThat(error.path("__type").asText()).isEqualTo("ValidationException");
    assertThat(error.path("message").asText()).contains("entries");
  }

  @Test
  void rejectsMoreThanTenEntriesThroughTheSdkAsAwsDoes() {
    List<PutEventsRequestEntry> entries =
        Collections.nCopies(
            11,
            PutEventsRequestEntry.builder()
                .source("shop.user")
                .detailType("X")
                .detail("{}")
                .build());

    assertThatThrownBy(() -> events.putEvents(p -> p.entries(entries)))
        .isInstanceOfSatisfying(
            EventBridgeException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            });
  }

  @Test
  void answersAnUnknownOperationWithUnknownOperationException() throws Exception {
    HttpResponse<String> response = post("AWSEvents.PutPartnerEvents", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Queues.json(response.body()).path("__type").asText())
        .isEqualTo("UnknownOperationException");
  }

  @Test
  void failsInvalidEntriesOneByOneWithAwsErrorCodes() {
    PutEventsResponse response =
        events.putEvents(
            p ->
                p.entries(
                    entry("shop-events", null, "{}"),
                    entry("shop-events", "shop.user", "[1"),
                    entry("nope", "shop.user", "{}"),
                    entry("shop-events", "shop.user", "{}")));

    assertThat(response.failedEntryCount()).isEqualTo(3);
    assertThat(response.entries().get(0).errorCode()).isEqualTo("InvalidArgument");
    assertThat(response.entries().get(0).errorMessage())
        .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
    assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
    assertThat(response.entries().get(2).errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(response.entries().get(3).eventId()).isNotBlank();
  }

  @Test
  void rejectsAnInvalidEventPatternAndAMissingRule() {
    assertThatThrownBy(
            () ->
                events.putRule(
                    r ->
                        r.name("bad")
                            .eventBusName("shop-events")
                            .eventPattern("{\"source\":\"x\"}")))
        .isInstanceOf(InvalidEventPatternException.class);
    assertThatThrownBy(
            () -> events.describeRule(r -> r.name("missing").eventBusName("shop-events")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Rule missing does not exist on EventBus shop-events.");
  }

  @Test
  void answersPutEventsWith503WhilePausedAndAcceptsThemAgainAfterResume() throws Exception {
    String entries =
        "{\"Entries\":[{\"Source\":\"shop.user\",\"DetailType\":\"X\",\"Detail\":\"{}\"}]}";
    cloud.eventBridge().pause();
    try {
      HttpResponse<String> paused = post("AWSEvents.PutEvents", entries);

      assertThat(paused.statusCode()).isEqualTo(503);
      assertThat(Queues.json(paused.body()).path("__type").asText())
          .isEqualTo("ServiceUnavailable");
    } finally {
      cloud.eventBridge().resume();
    }
    assertThat(post("AWSEvents.PutEvents", entries).statusCode()).isEqualTo(200);
  }

  private static PutEventsRequestEntry entry(String bus, String source, String detail) {
    return PutEventsRequestEntry.builder()
        .eventBusName(bus)
        .source(source)
        .detailType("X")
        .detail(detail)
        .build();
  }

  private HttpResponse<String> post(String target, String body)
      throws IOException, InterruptedException {
    URI endpoint = cloud.endpoints().eventBridgeUrl();
    return http.send(
        HttpRequest.newBuilder(endpoint)
            .header("X-Amz-Target", target)
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
