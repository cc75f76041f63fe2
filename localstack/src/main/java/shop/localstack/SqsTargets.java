package shop.localstack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * Delivers events to SQS targets (queue ARNs) with the real SQS API, after PutEvents has answered,
 * as EventBridge does: a PutEvents caller waits for the bus to accept its events, not for every
 * target to receive them (it used to, one target after the other, on checkout's path). A failed
 * delivery is retried a few times, then goes to the target's dead-letter queue, with the attributes
 * AWS sets there ({@code RULE_ARN}, {@code TARGET_ARN}, {@code ERROR_CODE}, {@code ERROR_MESSAGE});
 * a target without one drops it, logged, as AWS does.
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

  /** Sends {@code body} to {@code target} of rule {@code ruleArn} soon; returns at once. */
  void send(BusRules.Target target, String ruleArn, String body, String traceHeader) {
    deliveries.execute(() -> deliver(target, ruleArn, body, traceHeader));
  }

  private void deliver(BusRules.Target target, String ruleArn, String body, String traceHeader) {
    String queueArn = target.arn();
    for (int attempt = 1; ; attempt++) {
      try {
        sqs.sendMessage(
            m -> {
              m.queueUrl(queueUrl(queueArn)).messageBody(body);
              if (traceHeader != null) {
                // As EventBridge does: the event's trace goes on in the message's system attribute.
                m.messageSystemAttributes(
                    Map.of(
                        MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder()
                            .dataType("String")
                            .stringValue(traceHeader)
                            .build()));
              }
            });
        return;
      } catch (SdkException e) {
        queueUrls.remove(queueArn);
        if (attempt == ATTEMPTS) {
          deadLetter(target, ruleArn, body, e);
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

  private void deadLetter(BusRules.Target target, String ruleArn, String body, SdkException e) {
    if (target.deadLetterArn() == null) {
      LOG.warn(
          "could not deliver an event to {} after {} attempts and it has no dead-letter queue;"
              + " dropped: {}",
          target.arn(),
          ATTEMPTS,
          e.getMessage());
      return;
    }
    String code =
        e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            ? aws.awsErrorDetails().errorCode()
            : e.getClass().getSimpleName();
    try {
      sqs.sendMessage(
          m ->
              m.queueUrl(queueUrl(target.deadLetterArn()))
                  .messageBody(body)
                  .messageAttributes(
                      Map.of(
                          "RULE_ARN", text(ruleArn),
                          "TARGET_ARN", text(target.arn()),
                          "ERROR_CODE", text(code),
                          "ERROR_MESSAGE", text(String.valueOf(e.getMessage())))));
      LOG.warn(
          "could not deliver an event to {} after {} attempts; sent to its dead-letter queue {}: {}",
          target.arn(),
          ATTEMPTS,
          target.deadLetterArn(),
          e.getMessage());
    } catch (SdkException lost) {
      LOG.error(
          "could not deliver an event to {} nor to its dead-letter queue {}; dropped: {}",
          target.arn(),
          target.deadLetterArn(),
          lost.getMessage());
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
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
