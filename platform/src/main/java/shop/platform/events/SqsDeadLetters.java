package shop.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import shop.events.Subscription;
import shop.events.Topology;
import shop.platform.config.AwsClients;
import shop.platform.config.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends a poison message to the consumer's dead-letter queue ({@link
 * Subscription#deadLetterQueue()}) in the source queue's account and region. The SQS client is
 * built on the first poison message only: a healthy consumer never pays for it at cold start.
 */
public final class SqsDeadLetters implements DeadLetters {
  /** The message attribute that carries why the message was dead-lettered at once. */
  public static final String REASON_ATTRIBUTE = "shop-dead-letter-reason";

  private static final int MAX_REASON_LENGTH = 1000;

  private final Supplier<SqsClient> sqs;
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

  public SqsDeadLetters(Supplier<SqsClient> sqs) {
    this.sqs = sqs;
  }

  /** Through a client built by {@code clients} (endpoint SQS) on first use. */
  public static SqsDeadLetters create(AwsClients clients) {
    return new SqsDeadLetters(Lazy.of(() -> clients.build(SqsClient.builder(), "SQS")));
  }

  @Override
  public void send(String consumer, String sourceQueueArn, String body, String reason) {
    String url = queueUrls.computeIfAbsent(consumer, c -> url(c, sourceQueueArn));
    String note =
        reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
    sqs.get()
        .sendMessage(
            r ->
                r.queueUrl(url)
                    .messageBody(body)
                    .messageAttributes(
                        Map.of(
                            REASON_ATTRIBUTE,
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(note)
                                .build())));
  }

  private String url(String consumer, String sourceQueueArn) {
    Subscription subscription =
        Topology.shop()
            .subscription(consumer)
            .orElseThrow(() -> new IllegalStateException("no subscription " + consumer));
    // arn:aws:sqs:<region>:<account>:<name>: the DLQ lives beside its source queue.
    String[] arn = sourceQueueArn == null ? new String[0] : sourceQueueArn.split(":");
    String account = arn.length == 6 ? arn[4] : null;
    return sqs.get()
        .getQueueUrl(
            r -> r.queueName(subscription.deadLetterQueue()).queueOwnerAWSAccountId(account))
        .queueUrl();
  }
}
