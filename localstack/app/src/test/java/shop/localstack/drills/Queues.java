package shop.localstack.drills;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the drills read of a queue. */
final class Queues {
  private Queues() {}

  /** Messages visible in the queue at {@code queueUrl} now (SQS's approximate count). */
  static int visible(SqsClient sqs, String queueUrl) {
    return Integer.parseInt(
        sqs.getQueueAttributes(
                q ->
                    q.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }
}
