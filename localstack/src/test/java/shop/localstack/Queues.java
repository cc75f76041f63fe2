package shop.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Test fixture: reads the shared cloud's queues, where other tests' messages may be waiting too.
 */
final class Queues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;

  Queues(SqsClient sqs) {
    this.sqs = sqs;
  }

  String url(String queueName) {
    return sqs.getQueueUrl(q -> q.queueName(queueName)).queueUrl();
  }

  /** Every message visible now (each becomes invisible for the queue's visibility timeout). */
  List<JsonNode> drain(String queueName) {
    String url = url(queueName);
    List<JsonNode> bodies = new ArrayList<>();
    List<Message> batch;
    do {
      batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
      batch.forEach(m -> bodies.add(json(m.body())));
    } while (!batch.isEmpty());
    return bodies;
  }

  /** Waits for a message matching {@code wanted}; returns its body. */
  JsonNode await(String queueName, Predicate<JsonNode> wanted) {
    List<JsonNode> seen = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              seen.addAll(drain(queueName));
              return seen.stream().anyMatch(wanted);
            });
    return seen.stream().filter(wanted).findFirst().orElseThrow();
  }

  static Predicate<JsonNode> event(String id) {
    return body -> id.equals(body.path("id").asText()) && !body.has("replay-name");
  }

  static Predicate<JsonNode> replayed(String id, String replayName) {
    return body ->
        id.equals(body.path("id").asText()) && replayName.equals(body.path("replay-name").asText());
  }

  static Optional<JsonNode> find(List<JsonNode> bodies, Predicate<JsonNode> wanted) {
    return bodies.stream().filter(wanted).findFirst();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
