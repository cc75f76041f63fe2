package shop.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import shop.events.Subscription;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * One subscription of the topology: its rule on the bus sends the matching events to the consumer's
 * queue (events EventBridge cannot deliver go to the rule target's own DLQ); a message that fails
 * {@code maxReceiveCount} times moves to the consumer's DLQ; the handler reads the queue in batches
 * and reports failed items; a message that can never succeed the handler sends to the DLQ itself.
 * Every DLQ alarms at its first message.
 */
final class EventConsumer extends Construct {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Queue queue;
  private final Queue deadLetterQueue;
  private final Queue undeliverable;

  EventConsumer(
      Construct scope,
      Subscription subscription,
      IEventBus bus,
      ShopFunction handler,
      ITopic alarms) {
    super(scope, "Consumer-" + subscription.consumer());
    deadLetterQueue = queue("DeadLetterQueue", subscription.deadLetterQueue(), null, null);
    queue =
        queue(
            "Queue",
            subscription.queue(),
            Duration.seconds(subscription.visibilityTimeoutSeconds()),
            DeadLetterQueue.builder()
                .queue(deadLetterQueue)
                .maxReceiveCount(subscription.maxReceiveCount())
                .build());
    undeliverable = queue("UndeliverableQueue", subscription.undeliverableQueue(), null, null);
    NagFindings.onResource(
        undeliverable,
        "AwsSolutions-SQS3",
        "This is a dead-letter queue: of the rule's target, for events EventBridge cannot deliver");

    Rule.Builder.create(this, "Rule")
        .ruleName(subscription.rule())
        .description("Events of consumer " + subscription.consumer())
        .eventBus(bus)
        .eventPattern(eventPattern(subscription))
        .targets(
            List.of(
                SqsQueue.Builder.create(queue)
                    .deadLetterQueue(undeliverable)
                    .retryAttempts(185)
                    .maxEventAge(Duration.hours(24))
                    .build()))
        .build();

    handler
        .alias()
        .addEventSource(
            SqsEventSource.Builder.create(queue)
                .batchSize(subscription.batchSize())
                .maxConcurrency(subscription.maxConcurrency())
                .reportBatchItemFailures(true)
                .build());

    // A message that can never succeed goes to the DLQ from the handler, at once.
    deadLetterQueue.grantSendMessages(handler.alias());

    SnsAction notify = new SnsAction(alarms);
    alarmOnFirstMessage("DeadLetterAlarm", deadLetterQueue, subscription.deadLetterQueue())
        .addAlarmAction(notify);
    alarmOnFirstMessage("UndeliverableAlarm", undeliverable, subscription.undeliverableQueue())
        .addAlarmAction(notify);
  }

  /** The topology's event pattern (its JSON), as the CDK's EventPattern. */
  static EventPattern eventPattern(Subscription subscription) {
    Map<String, List<String>> pattern;
    try {
      pattern = JSON.readValue(subscription.eventPattern(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!pattern.keySet().equals(java.util.Set.of("source", "detail-type"))) {
      throw new IllegalArgumentException(
          "unexpected event pattern fields " + pattern.keySet() + " of " + subscription.consumer());
    }
    return EventPattern.builder()
        .source(pattern.get("source"))
        .detailType(pattern.get("detail-type"))
        .build();
  }

  private Queue queue(String id, String name, Duration visibility, DeadLetterQueue dlq) {
    Queue.Builder builder =
        Queue.Builder.create(this, id)
            .queueName(name)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true);
    if (visibility != null) {
      builder.visibilityTimeout(visibility);
    }
    if (dlq != null) {
      builder.deadLetterQueue(dlq);
    } else {
      builder.retentionPeriod(Duration.days(14));
    }
    return builder.build();
  }

  private Alarm alarmOnFirstMessage(String id, Queue dlq, String name) {
    return Alarm.Builder.create(this, id)
        .alarmName(name + "-not-empty")
        .alarmDescription("A message is waiting in a dead-letter queue: inspect with ./shop ops")
        .metric(
            dlq.metricApproximateNumberOfMessagesVisible(
                MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build()))
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }

  Queue queue() {
    return queue;
  }

  Queue deadLetterQueue() {
    return deadLetterQueue;
  }

  Queue undeliverable() {
    return undeliverable;
  }
}
