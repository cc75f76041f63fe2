package shop.localstack.app;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.Endpoints;
import shop.localstack.runtime.SqsEventSourceMapping;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS event source mappings of the local cloud: each of the topology's subscriptions polled for
 * the handler it names, as Lambda's event source mappings do in the cloud.
 */
final class SqsPollers {
  private final Topology topology;
  private final Endpoints endpoints;
  private final Map<String, SqsEventSourceMapping> byConsumer = new ConcurrentHashMap<>();

  SqsPollers(Topology topology, Endpoints endpoints) {
    this.topology = topology;
    this.endpoints = endpoints;
  }

  /**
   * Refuses a topology with a subscription that no started handler polls: its queue would fill up
   * and nobody would notice locally.
   */
  void requireEverySubscriptionPolled() {
    for (Subscription subscription : topology.subscriptions()) {
      if (!byConsumer.containsKey(subscription.consumer())) {
        throw new IllegalStateException("no local handler for " + subscription.handler());
      }
    }
  }

  /** Starts polling every subscription that names {@code handler}'s class; returns the mappings. */
  List<SqsEventSourceMapping> start(
      SqsClient sqs,
      Map<String, String> queueUrls,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    List<SqsEventSourceMapping> started = new ArrayList<>();
    for (Subscription subscription : topology.subscriptions()) {
      if (subscription.handler().equals(handler.getClass().getName())) {
        SqsEventSourceMapping mapping =
            new SqsEventSourceMapping(
                    subscription.consumer(),
                    sqs,
                    queueUrls.get(subscription.queue()),
                    "arn:aws:sqs:%s:%s:%s"
                        .formatted(endpoints.region(), endpoints.accountId(), subscription.queue()),
                    endpoints.region(),
                    subscription.batchSize(),
                    subscription.maxConcurrency(),
                    handler)
                .start();
        byConsumer.put(subscription.consumer(), mapping);
        started.add(mapping);
      }
    }
    return started;
  }

  /** The mapping feeding {@code consumer}'s handler. */
  SqsEventSourceMapping of(String consumer) {
    SqsEventSourceMapping mapping = byConsumer.get(consumer);
    if (mapping == null) {
      throw new IllegalArgumentException("no consumer " + consumer);
    }
    return mapping;
  }
}
