package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.app.LocalShop;
import shop.platform.events.SqsDeadLetters;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Drill, dead letters without the wait: a message that can never succeed (here an event that fails
 * its schema) goes to the consumer's DLQ on its first receive, with its reason, and leaves the
 * source queue; it does not wait out {@code maxReceiveCount} visibility timeouts. (A failure that
 * may pass on a retry keeps that path: {@link PoisonMessageDrillIT}.)
 */
@ExtendWith(DrillShop.class)
class PoisonAtOnceDrillIT {
  private static final String CONSUMER = "carts";

  @Test
  void aMessageThatFailsItsSchemaIsDeadLetteredOnItsFirstReceive(LocalShop shop) {
    Subscription carts = Topology.shop().subscription(CONSUMER).orElseThrow();
    String eventId = UUID.randomUUID().toString();
    // An OrderCreated from the right source whose data breaks the schema: no retry can fix it.
    String poison =
        """
        {"version":"0","id":"%s","detail-type":"OrderCreated","source":"shop.transaction",
         "account":"000000000000","time":"2026-12-06T00:00:00Z","region":"eu-west-1",
         "resources":[],"detail":{"specversion":"1.0","id":"%s","source":"shop.transaction",
         "type":"shop.order.created.v1","subject":"o-poison","time":"2026-12-06T00:00:00Z",
         "datacontenttype":"application/json","data":{"orderId":"o-poison"}}}
        """
            .formatted(UUID.randomUUID(), eventId);
    try (SqsClient sqs = shop.cloud().endpoints().sqsClient()) {
      String queue = sqs.getQueueUrl(q -> q.queueName(carts.queue())).queueUrl();
      String dlq = sqs.getQueueUrl(q -> q.queueName(carts.deadLetterQueue())).queueUrl();

      sqs.sendMessage(m -> m.queueUrl(queue).messageBody(poison));

      Message letter =
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(250))
              .until(() -> find(sqs, dlq, eventId), found -> found != null);
      try {
        assertThat(letter.messageAttributes())
            .as("sent by the consumer on its first receive, not moved by the redrive policy")
            .containsKey(SqsDeadLetters.REASON_ATTRIBUTE);
        assertThat(letter.messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue())
            .startsWith("InvalidEventException");
        assertThat(letter.body()).isEqualTo(poison);
        await()
            .alias("deleted from the source queue")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> Queues.total(sqs, queue) == 0);
      } finally {
        // The other drills count what this DLQ holds.
        sqs.deleteMessage(d -> d.queueUrl(dlq).receiptHandle(letter.receiptHandle()));
      }
    }
  }

  /** The DLQ's message of {@code eventId}, received (hidden for a while), or null. */
  private static Message find(SqsClient sqs, String dlq, String eventId) {
    List<Message> messages =
        sqs.receiveMessage(
                r ->
                    r.queueUrl(dlq)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .visibilityTimeout(30)
                        .messageAttributeNames("All"))
            .messages();
    Message found = null;
    for (Message message : messages) {
      if (message.body().contains(eventId)) {
        found = message;
      } else {
        sqs.changeMessageVisibility(
            c -> c.queueUrl(dlq).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
      }
    }
    return found;
  }
}
