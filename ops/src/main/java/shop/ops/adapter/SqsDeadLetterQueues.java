package shop.ops.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.events.EventJson;
import shop.ops.deadletter.DeadLetter;
import shop.ops.deadletter.DeadLetterQueues;
import shop.platform.config.AwsClients;
import shop.platform.snapstart.Priming;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The dead-letter queues on SQS. Bodies are EventBridge events whose detail is a CloudEvent. */
public final class SqsDeadLetterQueues implements DeadLetterQueues {
  private static final String ERROR_CODE = "ERROR_CODE";
  private static final String ERROR_MESSAGE = "ERROR_MESSAGE";
  private static final String PRIMING_URL = "https://sqs.priming.invalid/000000000000/priming";
  private final SqsClient sqs;
  private final ObjectMapper json = EventJson.mapper();
  private final Map<String, String> urls = new ConcurrentHashMap<>();
  // Held here: Priming keeps a primer only as long as its owner does.
  private final Priming.Primer primer;

  public SqsDeadLetterQueues(SqsClient sqs) {
    this.sqs = sqs;
    this.primer = Priming.register("dead-letter counts", this::primeCount);
  }

  /**
   * Before a SnapStart snapshot: a count's request (GetQueueAttributes), refused unsent as every
   * primer's SDK request is ({@link AwsClients#isPrimingRefusal}). The listing's own priming stops
   * at the refusal of the queue URL's request, which comes first; the URL here is never resolved or
   * cached, nor sent.
   */
  private void primeCount() {
    try {
      countAt(PRIMING_URL);
    } catch (RuntimeException e) {
      if (!AwsClients.isPrimingRefusal(e)) {
        throw e;
      }
    }
  }

  @Override
  public long count(String queue) {
    return countAt(url(queue));
  }

  private long countAt(String queueUrl) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Long.parseLong(
            attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
        + Long.parseLong(
            attributes.getOrDefault(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
  }

  @Override
  public List<DeadLetter> receive(String queue, Duration hideFor) {
    return sqs
        .receiveMessage(
            r ->
                r.queueUrl(url(queue))
                    .maxNumberOfMessages(10)
                    .visibilityTimeout((int) Math.max(1, hideFor.toSeconds()))
                    .waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames(ERROR_CODE, ERROR_MESSAGE))
        .messages()
        .stream()
        .map(this::decode)
        .toList();
  }

  @Override
  public void release(String queue, List<DeadLetter> letters) {
    for (int i = 0; i < letters.size(); i += 10) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (DeadLetter letter : letters.subList(i, Math.min(letters.size(), i + 10))) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(letter.messageId())
                .receiptHandle(letter.receiptHandle())
                .visibilityTimeout(0)
                .build());
      }
      sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url(queue)).entries(entries));
    }
  }

  @Override
  public void send(String queue, DeadLetter letter) {
    sqs.sendMessage(r -> r.queueUrl(url(queue)).messageBody(letter.body()));
  }

  @Override
  public void delete(String queue, DeadLetter letter) {
    sqs.deleteMessage(r -> r.queueUrl(url(queue)).receiptHandle(letter.receiptHandle()));
  }

  @Override
  public String startMoveBack(String deadLetterQueue, String sourceQueue, int maxPerSecond) {
    return sqs.startMessageMoveTask(
            r ->
                r.sourceArn(arn(deadLetterQueue))
                    .destinationArn(arn(sourceQueue))
                    .maxNumberOfMessagesPerSecond(maxPerSecond))
        .taskHandle();
  }

  @Override
  public MoveProgress moveProgress(String deadLetterQueue, String taskHandle) {
    List<ListMessageMoveTasksResultEntry> tasks =
        sqs.listMessageMoveTasks(r -> r.sourceArn(arn(deadLetterQueue)).maxResults(10)).results();
    return tasks.stream()
        .filter(t -> taskHandle.equals(t.taskHandle()) || tasks.size() == 1)
        .findFirst()
        .map(
            t ->
                new MoveProgress(
                    t.status(),
                    t.approximateNumberOfMessagesMoved() == null
                        ? 0
                        : t.approximateNumberOfMessagesMoved(),
                    t.approximateNumberOfMessagesToMove() == null
                        ? 0
                        : t.approximateNumberOfMessagesToMove(),
                    t.failureReason()))
        .orElse(new MoveProgress("COMPLETED", 0, 0, null));
  }

  private DeadLetter decode(Message message) {
    Map<MessageSystemAttributeName, String> attributes = message.attributes();
    int receiveCount =
        Integer.parseInt(
            attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0"));
    String sent = attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP);
    Instant sentAt = sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
    String eventId = null;
    String type = null;
    String eventName = null;
    String subject = null;
    Instant time = null;
    try {
      JsonNode envelope = json.readTree(message.body());
      JsonNode detail = envelope.path("detail");
      eventName = text(envelope.path("detail-type"));
      eventId = text(detail.path("id"));
      type = text(detail.path("type"));
      subject = text(detail.path("subject"));
      time = instant(text(detail.path("time")));
    } catch (IOException e) {
      // A body that is not JSON is shown as it is, with no event fields: that is what an operator
      // needs to see.
      eventName = null;
    }
    return new DeadLetter(
        message.messageId(),
        message.receiptHandle(),
        eventId,
        type,
        eventName,
        subject,
        time,
        receiveCount,
        sentAt,
        message.body(),
        deliveryError(message));
  }

  /**
   * Why EventBridge could not deliver the event, as it notes on what it puts in a rule target's
   * DLQ; null for the messages of a consumer's DLQ (their reasons are in the failures table).
   */
  private static String deliveryError(Message message) {
    MessageAttributeValue code = message.messageAttributes().get(ERROR_CODE);
    MessageAttributeValue text = message.messageAttributes().get(ERROR_MESSAGE);
    if (code == null && text == null) {
      return null;
    }
    return "not delivered by EventBridge: "
        + (code == null ? "" : code.stringValue() + ": ")
        + (text == null ? "" : text.stringValue());
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private String url(String queue) {
    return urls.computeIfAbsent(queue, name -> sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
  }

  private String arn(String queue) {
    return sqs.getQueueAttributes(
            r -> r.queueUrl(url(queue)).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }
}
