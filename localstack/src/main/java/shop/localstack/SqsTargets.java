package shop.localstack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Delivers events to SQS targets (queue ARNs) with the real SQS API. A failed delivery is logged
 * and dropped: AWS would retry for a while and then drop too (targets without a DLQ).
 */
final class SqsTargets {
  private static final Logger LOG = LoggerFactory.getLogger(SqsTargets.class);

  private final SqsClient sqs;
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

  SqsTargets(SqsClient sqs) {
    this.sqs = sqs;
  }

  static boolean supports(String arn) {
    return arn.startsWith("arn:aws:sqs:") && arn.split(":", -1).length == 6;
  }

  void send(String queueArn, String body) {
    try {
      sqs.sendMessage(m -> m.queueUrl(queueUrl(queueArn)).messageBody(body));
    } catch (SdkException e) {
      queueUrls.remove(queueArn);
      LOG.warn("could not deliver an event to {}: {}", queueArn, e.getMessage());
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
