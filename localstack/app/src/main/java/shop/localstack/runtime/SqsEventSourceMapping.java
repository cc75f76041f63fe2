package shop.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does locally what a Lambda SQS event source mapping with {@code ReportBatchItemFailures} does:
 * long-polls the queue with up to {@code maxConcurrency} pollers, hands batches of up to {@code
 * batchSize} messages to the handler as an SQSEvent, deletes only the messages the handler did not
 * report as failed, and leaves the failed ones to the queue's visibility timeout and redrive policy
 * (so they reach the DLQ after maxReceiveCount). A handler that throws, or reports an id that is
 * not in the batch, fails the whole batch, as in Lambda.
 */
public final class SqsEventSourceMapping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);

  private final String functionName;
  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final int batchSize;
  private final int maxConcurrency;
  private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean paused = new AtomicBoolean();

  /** Pollers between their check of {@link #paused} and the end of their receive and batch. */
  private final AtomicInteger busy = new AtomicInteger();

  private final AtomicInteger crashAfter = new AtomicInteger(-1);
  private final ExecutorService pollers;

  public SqsEventSourceMapping(
      String functionName,
      SqsClient sqs,
      String queueUrl,
      String queueArn,
      String region,
      int batchSize,
      int maxConcurrency,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    this.functionName = functionName;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.region = region;
    this.batchSize = batchSize;
    this.maxConcurrency = maxConcurrency;
    this.handler = handler;
    this.pollers =
        Executors.newFixedThreadPool(
            maxConcurrency,
            Thread.ofPlatform().name(functionName + "-poller-", 0).daemon().factory());
  }

  public SqsEventSourceMapping start() {
    if (running.compareAndSet(false, true)) {
      for (int i = 0; i < maxConcurrency; i++) {
        pollers.execute(this::poll);
      }
    }
    return this;
  }

  /**
   * Reliability drills: stops receiving until {@link #resume()}, so that messages pile up in the
   * queue and arrive together in the next batch. Returns once no receive or batch is in flight
   * (within about a receive's wait and a batch's run), so that nothing sent afterwards is taken.
   */
  public void pause() {
    paused.set(true);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (busy.get() > 0 && System.nanoTime() < deadline) {
      pause(Duration.ofMillis(20));
    }
  }

  public void resume() {
    paused.set(false);
  }

  /**
   * Reliability drills: the next batch of more than {@code handled} messages crashes the function
   * after its first {@code handled} messages were handled, as a Lambda that dies mid-batch: their
   * effects are done, nothing is deleted, and the whole batch comes back after the visibility
   * timeout.
   */
  public void crashNextBatchAfter(int handled) {
    if (handled < 0) {
      throw new IllegalArgumentException("handled must not be negative");
    }
    crashAfter.set(handled);
  }

  /** Whether the crash armed by {@link #crashNextBatchAfter} has happened. */
  public boolean crashed() {
    return crashAfter.get() < 0;
  }

  /**
   * Stops receiving without waiting: a poller's receive in flight still ends its long poll (up to a
   * second) and its batch. {@link #close()} waits for that; telling every mapping first lets those
   * waits run together when the local shop stops.
   */
  public void stopReceiving() {
    running.set(false);
    pollers.shutdown();
  }

  @Override
  public void close() {
    stopReceiving();
    try {
      if (!pollers.awaitTermination(3, TimeUnit.SECONDS)) {
        pollers.shutdownNow();
      }
    } catch (InterruptedException e) {
      pollers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void poll() {
    while (running.get()) {
      // Counted busy before the check, so that pause() cannot miss a poller about to receive.
      busy.incrementAndGet();
      if (paused.get()) {
        busy.decrementAndGet();
        pause(Duration.ofMillis(50));
        continue;
      }
      boolean receiveFailed = false;
      try {
        List<Message> messages =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(queueUrl)
                            .maxNumberOfMessages(batchSize)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All"))
                .messages();
        if (!messages.isEmpty()) {
          deliver(messages);
        }
      } catch (SdkException e) {
        if (running.get()) {
          LOG.warn("{}: receiving from {} failed: {}", functionName, queueUrl, e.getMessage());
          receiveFailed = true;
        }
      } catch (RuntimeException e) {
        // A poller never dies: Lambda's event source mapping keeps polling whatever one batch did.
        LOG.error("{}: a batch from {} could not be completed", functionName, queueUrl, e);
      } finally {
        busy.decrementAndGet();
      }
      if (receiveFailed) {
        pause(Duration.ofSeconds(1));
      }
    }
  }

  /** Calls the handler once with {@code messages} and deletes what succeeded. Visible for tests. */
  void deliver(List<Message> messages) {
    int crashAt = crashAfter.get();
    if (crashAt >= 0 && messages.size() > crashAt && crashAfter.compareAndSet(crashAt, -1)) {
      invoke(messages.subList(0, crashAt));
      LOG.warn(
          "{}: simulated crash after {} of {} messages; nothing deleted",
          functionName,
          crashAt,
          messages.size());
      return;
    }
    Set<String> failed = invoke(messages);
    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
    for (Message message : messages) {
      if (!failed.contains(message.messageId())) {
        done.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(message.messageId())
                .receiptHandle(message.receiptHandle())
                .build());
      }
    }
    if (!done.isEmpty()) {
      var result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
      result
          .failed()
          .forEach(f -> LOG.warn("{}: could not delete {}: {}", functionName, f.id(), f.message()));
    }
  }

  private Set<String> invoke(List<Message> messages) {
    Set<String> ids = new HashSet<>();
    messages.forEach(m -> ids.add(m.messageId()));
    SQSBatchResponse response;
    try {
      response =
          Invocations.timed(
              functionName,
              "sqs",
              messages.size(),
              () ->
                  handler.handleRequest(
                      event(messages),
                      LocalContext.forFunction(functionName, Duration.ofSeconds(60))));
    } catch (RuntimeException e) {
      LOG.error("{}: the handler failed the whole batch of {}", functionName, messages.size(), e);
      return ids;
    }
    if (response == null || response.getBatchItemFailures() == null) {
      return Set.of();
    }
    Set<String> failed = new HashSet<>();
    for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
      if (failure.getItemIdentifier() == null || !ids.contains(failure.getItemIdentifier())) {
        LOG.error(
            "{}: the handler reported an unknown item id {}; the whole batch fails",
            functionName,
            failure.getItemIdentifier());
        return ids;
      }
      failed.add(failure.getItemIdentifier());
    }
    return failed;
  }

  private SQSEvent event(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setMd5OfBody(message.md5OfBody());
      Map<String, String> attributes = new HashMap<>();
      message.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
      record.setAttributes(attributes);
      Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
      message
          .messageAttributes()
          .forEach(
              (k, v) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(v.dataType());
                attribute.setStringValue(v.stringValue());
                messageAttributes.put(k, attribute);
              });
      record.setMessageAttributes(messageAttributes);
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(region);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
