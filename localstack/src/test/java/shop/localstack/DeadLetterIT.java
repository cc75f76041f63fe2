package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.events.Subscription;
import shop.events.Topology;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterIT {
  private final Subscription payments = Topology.shop().subscription("payments").orElseThrow();
  private final SqsClient sqs;
  private final Queues queues;

  DeadLetterIT(LocalCloud cloud) {
    sqs = cloud.endpoints().sqsClient();
    queues = new Queues(sqs);
  }

  @AfterAll
  void close() {
    sqs.close();
  }

  @Test
  void queueHasTheSubscriptionsRedrivePolicyAndVisibilityTimeout() {
    var attributes =
        sqs.getQueueAttributes(
                a ->
                    a.queueUrl(queues.url(payments.queue())).attributeNames(QueueAttributeName.ALL))
            .attributes();

    assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
        .isEqualTo(Integer.toString(payments.visibilityTimeoutSeconds()));
    assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
        .contains(payments.deadLetterQueue())
        .contains(Integer.toString(payments.maxReceiveCount()));
  }

  @Test
  void messageReceivedMoreThanMaxReceiveCountTimesWithoutDeleteLandsInTheDeadLetterQueue() {
    String queueUrl = queues.url(payments.queue());
    String dlqUrl = queues.url(payments.deadLetterQueue());
    String body = "{\"poison\":\"" + UUID.randomUUID() + "\"}";
    sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
    List<Integer> receiveCounts = new ArrayList<>();
    List<Message> deadLetters = new ArrayList<>();

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              // a failing consumer: receives, never deletes, and the message is visible again at
              // once
              sqs
                  .receiveMessage(
                      r ->
                          r.queueUrl(queueUrl)
                              .maxNumberOfMessages(10)
                              .visibilityTimeout(0)
                              .messageSystemAttributeNames(
                                  MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                  .messages()
                  .stream()
                  .filter(m -> m.body().equals(body))
                  .forEach(
                      m ->
                          receiveCounts.add(
                              Integer.valueOf(
                                  m.attributes()
                                      .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))));
              sqs
                  .receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10))
                  .messages()
                  .stream()
                  .filter(m -> m.body().equals(body))
                  .forEach(deadLetters::add);
              return !deadLetters.isEmpty();
            });

    assertThat(receiveCounts).hasSize(payments.maxReceiveCount());
    assertThat(deadLetters).hasSize(1);
  }
}
