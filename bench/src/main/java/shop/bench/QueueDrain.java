package shop.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import shop.events.Subscription;
import shop.localstack.LocalCloud;
import shop.localstack.runtime.SqsEventSourceMapping;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Consumer throughput against the queue's own floor: a queue of the benchmark's is filled with the
 * same messages twice; once a plain receive/delete-batch loop drains it (the most SQS gives at that
 * batch size and concurrency), once the local event source mapping with the consumer's handler
 * does, as it does in the shop. Both are timed from the first receive to the last message done.
 */
final class QueueDrain {
  private static final Duration DEADLINE = Duration.ofMinutes(5);

  /** How many messages were done (not failed) in how long; {@code failed} were reported failed. */
  record Drained(int messages, long nanos, int failed) {
    double perSecond() {
      return messages / (nanos / 1e9);
    }
  }

  private final SqsClient sqs;

  QueueDrain(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** A new queue named {@code name} with the subscription's visibility timeout. */
  String queue(String name, Subscription subscription) {
    return sqs.createQueue(
            q ->
                q.queueName(name)
                    .attributes(
                        Map.of(
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            Integer.toString(subscription.visibilityTimeoutSeconds()))))
        .queueUrl();
  }

  /** Sends {@code bodies} to the queue, ten per request, from eight threads. */
  void fill(String queueUrl, List<String> bodies) {
    try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
      for (int start = 0; start < bodies.size(); start += 10) {
        List<String> chunk = bodies.subList(start, Math.min(bodies.size(), start + 10));
        senders.execute(
            () -> {
              List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
              for (int i = 0; i < chunk.size(); i++) {
                entries.add(
                    SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(chunk.get(i))
                        .build());
              }
              var sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
              if (!sent.failed().isEmpty()) {
                throw new IllegalStateException("could not fill the queue: " + sent.failed());
              }
            });
      }
    }
  }

  /** The floor: {@code concurrency} loops of receive (up to {@code batchSize}) and delete. */
  Drained floor(String queueUrl, int count, int batchSize, int concurrency) {
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + DEADLINE.toNanos();
    try (ExecutorService loops = Executors.newFixedThreadPool(concurrency)) {
      for (int i = 0; i < concurrency; i++) {
        loops.execute(
            () -> {
              while (done.get() < count && System.nanoTime() < deadline) {
                List<Message> messages = receive(queueUrl, batchSize);
                if (!messages.isEmpty()) {
                  delete(queueUrl, messages);
                  done.addAndGet(messages.size());
                }
              }
            });
      }
    }
    return new Drained(done.get(), System.nanoTime() - start, 0);
  }

  /**
   * The consumer: the local event source mapping with the subscription's batch size and maximum
   * concurrency, calling {@code handler}, until {@code count} messages are done.
   */
  Drained consume(
      String queueUrl,
      int count,
      Subscription subscription,
      RequestHandler<SQSEvent, SQSBatchResponse> handler)
      throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    RequestHandler<SQSEvent, SQSBatchResponse> counting =
        (batch, context) -> {
          SQSBatchResponse response = handler.handleRequest(batch, context);
          int failures =
              response == null || response.getBatchItemFailures() == null
                  ? 0
                  : response.getBatchItemFailures().size();
          failed.addAndGet(failures);
          done.addAndGet(batch.getRecords().size() - failures);
          return response;
        };
    String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    long start = System.nanoTime();
    long deadline = start + DEADLINE.toNanos();
    try (SqsEventSourceMapping mapping =
        new SqsEventSourceMapping(
                name,
                sqs,
                queueUrl,
                "arn:aws:sqs:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT + ":" + name,
                LocalCloud.REGION,
                subscription.batchSize(),
                subscription.maxConcurrency(),
                counting)
            .start()) {
      while (done.get() < count && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      return new Drained(done.get(), System.nanoTime() - start, failed.get());
    }
  }

  private List<Message> receive(String queueUrl, int batchSize) {
    // The same request as the event source mapping's, so that the floor pays for the same bytes.
    return sqs.receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(batchSize)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"))
        .messages();
  }

  private void delete(String queueUrl, List<Message> messages) {
    List<DeleteMessageBatchRequestEntry> entries =
        messages.stream()
            .map(
                m ->
                    DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
            .toList();
    sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(entries));
  }
}
