package shop.localstack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Delivers events to SQS targets (queue ARNs) with the real SQS API, after PutEvents has answered,
 * as EventBridge does: a PutEvents caller waits for the bus to accept its events, not for every
 * target to receive them (it used to, one target after the other, on checkout's path). A failed
 * delivery is retried a few times, then logged and dropped: AWS would retry for a while and then
 * drop too (targets without a DLQ).
 */
final class SqsTargets {
  private static final Logger LOG = LoggerFactory.getLogger(SqsTargets.class);
  private static final int ATTEMPTS = 3;
  private static final long RETRY_DELAY_MS = 100;

  private final SqsClient sqs;
  private final Executor deliveries;
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

  /**
   * @param deliveries where deliveries run; its owner waits for the pending ones before it closes
   *     {@code sqs}
   */
  SqsTargets(SqsClient sqs, Executor deliveries) {
    this.sqs = sqs;
    this.deliveries = deliveries;
  }

  static boolean supports(String arn) {
    return arn.startsWith("arn:aws:sqs:") && arn.split(":", -1).length == 6;
  }

  /** Sends {@code body} to the queue soon; returns at once. */
  void send(String queueArn, String body) {
    deliveries.execute(() -> deliver(queueArn, body));
  }

  private void deliver(String queueArn, String body) {
    for (int attempt = 1; ; attempt++) {
      try {
        sqs.sendMessage(m -> m.queueUrl(queueUrl(queueArn)).messageBody(body));
        return;
      } catch (SdkException e) {
        queueUrls.remove(queueArn);
        if (attempt == ATTEMPTS) {
          LOG.warn(
              "could not deliver an event to {} after {} attempts: {}",
              queueArn,
              ATTEMPTS,
              e.getMessage());
          return;
        }
        try {
          Thread.sleep(RETRY_DELAY_MS * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          LOG.warn("an event for {} was dropped: the bus is stopping", queueArn);
          return;
        }
      }
    }
  }

  private String queueUrl(String queueArn) {
    return queueUrls.computeIfAbsent(
        queueArn,
        arn -> {
          String[] parts = arn.split(":", -1);
          return sqs.getQueueUrl(q -> q.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
              .queueUrl();
        });
  }
}
