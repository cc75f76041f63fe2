package shop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import shop.events.Topology;
import shop.localstack.LocalCloud;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Sees every shop event on the bus: a rule of its own sends them all to a queue of its own, and a
 * reader notes when each reached that queue (its {@code SentTimestamp}, in milliseconds, taken as
 * "on the bus") by order and event type, and keeps the bodies, as a consumer would receive them.
 */
final class BusTap implements AutoCloseable {
  static final String NAME = "bench-tap";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final EventBridgeClient events;
  private final String queueUrl;
  private final Map<String, Map<String, Long>> seen = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> bodies = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread reader;

  private BusTap(SqsClient sqs, EventBridgeClient events, String queueUrl) {
    this.sqs = sqs;
    this.events = events;
    this.queueUrl = queueUrl;
    this.reader = Thread.ofPlatform().daemon().name(NAME).start(this::read);
  }

  static BusTap start(SqsClient sqs, EventBridgeClient events) {
    String queueUrl = sqs.createQueue(q -> q.queueName(NAME)).queueUrl();
    String bus = Topology.shop().busName();
    events.putRule(
        r -> r.name(NAME).eventBusName(bus).eventPattern("{\"source\":[{\"prefix\":\"shop.\"}]}"));
    events.putTargets(
        t ->
            t.rule(NAME)
                .eventBusName(bus)
                .targets(
                    target ->
                        target
                            .id(NAME)
                            .arn(
                                "arn:aws:sqs:"
                                    + LocalCloud.REGION
                                    + ":"
                                    + LocalCloud.ACCOUNT
                                    + ":"
                                    + NAME)));
    return new BusTap(sqs, events, queueUrl);
  }

  /** When {@code detailType} about {@code orderId} reached the bus, in epoch milliseconds. */
  Optional<Long> seen(String orderId, String detailType) {
    return Optional.ofNullable(seen.getOrDefault(orderId, Map.of()).get(detailType));
  }

  /** How many kinds of event about {@code orderId} reached the bus. */
  int events(String orderId) {
    return seen.getOrDefault(orderId, Map.of()).size();
  }

  /** The body of {@code detailType} about {@code orderId}, as delivered to a queue. */
  Optional<String> body(String orderId, String detailType) {
    return Optional.ofNullable(bodies.getOrDefault(orderId, Map.of()).get(detailType));
  }

  private void read() {
    while (running.get()) {
      try {
        List<Message> messages =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages();
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
          note(message);
          done.add(
              DeleteMessageBatchRequestEntry.builder()
                  .id(message.messageId())
                  .receiptHandle(message.receiptHandle())
                  .build());
        }
        if (!done.isEmpty()) {
          sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(done));
        }
      } catch (RuntimeException e) {
        if (running.get()) {
          System.out.println("bus tap: " + e.getMessage());
        }
      }
    }
  }

  private void note(Message message) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(message.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String orderId = envelope.path("detail").path("data").path("orderId").asText(null);
    if (orderId == null) {
      return;
    }
    String type = envelope.path("detail-type").asText();
    long sent = Long.parseLong(message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP));
    seen.computeIfAbsent(orderId, id -> new ConcurrentHashMap<>()).putIfAbsent(type, sent);
    bodies
        .computeIfAbsent(orderId, id -> new ConcurrentHashMap<>())
        .putIfAbsent(type, message.body());
  }

  /** Stops reading and takes the rule away, so the bus no longer copies every event. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    reader.join();
    String bus = Topology.shop().busName();
    events.removeTargets(r -> r.rule(NAME).eventBusName(bus).ids(NAME));
    events.deleteRule(r -> r.name(NAME).eventBusName(bus));
  }
}
