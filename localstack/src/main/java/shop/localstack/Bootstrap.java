package shop.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Subscription;
import shop.events.Topology;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the topology's resources with the real AWS SDK v2 clients, the same calls as against AWS:
 * the bus, its archive, per subscription a DLQ, a queue redriving to it and a rule targeting the
 * queue, with the rule target's own dead-letter queue for events it cannot deliver; the DynamoDB
 * failures and idempotency tables; the product images bucket. Idempotent: running it again changes
 * nothing. (In the cloud the CDK app builds the same from the same topology; the SQS queue policies
 * that let EventBridge send are not needed locally.)
 */
public final class Bootstrap {
  /** The bucket of product images (a constant until the product service's config names it). */
  public static final String PRODUCT_IMAGES_BUCKET = "shop-product-images";

  /** The time-to-live attribute of the failures table (epoch seconds). */
  public static final String TTL_ATTRIBUTE = "ttl";

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private final Endpoints endpoints;
  private final Topology topology;

  public Bootstrap(Endpoints endpoints, Topology topology) {
    this.endpoints = endpoints;
    this.topology = topology;
  }

  /** The shop's topology on {@code endpoints}. */
  public static Bootstrap of(Endpoints endpoints) {
    return new Bootstrap(endpoints, Topology.shop());
  }

  /** Creates what is missing; the bus and queues, the tables and the bucket in parallel. */
  public void run() {
    try (EventBridgeClient events = endpoints.eventBridgeClient();
        SqsClient sqs = endpoints.sqsClient();
        DynamoDbClient dynamo = endpoints.dynamoDbClient();
        S3Client s3 = endpoints.s3Client()) {
      CompletableFuture.allOf(
              CompletableFuture.runAsync(() -> busAndQueues(events, sqs)),
              CompletableFuture.runAsync(() -> tables(dynamo)),
              CompletableFuture.runAsync(() -> buckets(s3)))
          .join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * The bus, its archive, and per subscription the DLQ, the queue, the rule targeting it and the
   * target's dead-letter queue (needs EventBridge and SQS); returns every subscription's queue URL
   * by queue name.
   */
  public Map<String, String> busAndQueues(EventBridgeClient events, SqsClient sqs) {
    String busArn = bus(events);
    archive(events, busArn);
    Map<String, String> queueUrls = new LinkedHashMap<>();
    for (Subscription subscription : topology.subscriptions()) {
      String queueUrl = queues(sqs, subscription);
      String undeliverableUrl =
          sqs.createQueue(q -> q.queueName(subscription.undeliverableQueue())).queueUrl();
      rule(events, subscription, arn(sqs, queueUrl), arn(sqs, undeliverableUrl));
      queueUrls.put(subscription.queue(), queueUrl);
    }
    LOG.info(
        "bootstrapped {} subscriptions on {}", topology.subscriptions().size(), topology.busName());
    return queueUrls;
  }

  /** The platform's DynamoDB tables: failures (with TTL) and idempotency. */
  public void tables(DynamoDbClient dynamo) {
    table(dynamo, topology.failuresTable(), true);
    table(dynamo, topology.idempotencyTable(), false);
  }

  /** The buckets: product images. */
  public void buckets(S3Client s3) {
    bucket(s3, PRODUCT_IMAGES_BUCKET);
  }

  private String bus(EventBridgeClient events) {
    try {
      return events.describeEventBus(b -> b.name(topology.busName())).arn();
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      return events.createEventBus(b -> b.name(topology.busName())).eventBusArn();
    }
  }

  private void archive(EventBridgeClient events, String busArn) {
    try {
      events.describeArchive(a -> a.archiveName(topology.archiveName()));
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      events.createArchive(
          a ->
              a.archiveName(topology.archiveName())
                  .eventSourceArn(busArn)
                  .description("Every event on " + topology.busName()));
    }
  }

  /** Creates the DLQ and the queue (redriving to it); returns the queue's URL. */
  private static String queues(SqsClient sqs, Subscription subscription) {
    String dlqUrl = sqs.createQueue(q -> q.queueName(subscription.deadLetterQueue())).queueUrl();
    String dlqArn = arn(sqs, dlqUrl);
    String queueUrl = sqs.createQueue(q -> q.queueName(subscription.queue())).queueUrl();
    String redrivePolicy =
        "{\"deadLetterTargetArn\":\""
            + dlqArn
            + "\",\"maxReceiveCount\":\""
            + subscription.maxReceiveCount()
            + "\"}";
    sqs.setQueueAttributes(
        a ->
            a.queueUrl(queueUrl)
                .attributes(
                    Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        Integer.toString(subscription.visibilityTimeoutSeconds()),
                        QueueAttributeName.REDRIVE_POLICY,
                        redrivePolicy)));
    return queueUrl;
  }

  private static String arn(SqsClient sqs, String queueUrl) {
    return sqs.getQueueAttributes(
            a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private void rule(
      EventBridgeClient events,
      Subscription subscription,
      String queueArn,
      String undeliverableArn) {
    events.putRule(
        r ->
            r.name(subscription.rule())
                .eventBusName(topology.busName())
                .eventPattern(subscription.eventPattern())
                .state(RuleState.ENABLED)
                .description(
                    subscription.events().size() + " event types for " + subscription.consumer()));
    events.putTargets(
        t ->
            t.rule(subscription.rule())
                .eventBusName(topology.busName())
                .targets(
                    Target.builder()
                        .id(subscription.consumer())
                        .arn(queueArn)
                        .deadLetterConfig(d -> d.arn(undeliverableArn))
                        .build()));
  }

  /**
   * Creates a table with string keys {@code pk} and {@code sk} (the layout of the platform's tables
   * and the ops audit log) unless it exists; {@code expiring} turns on TTL on {@value
   * #TTL_ATTRIBUTE}.
   */
  public static void table(DynamoDbClient dynamo, String name, boolean expiring) {
    try {
      dynamo.describeTable(t -> t.tableName(name));
    } catch (ResourceNotFoundException e) {
      dynamo.createTable(
          t ->
              t.tableName(name)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("pk")
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName("sk")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                      KeySchemaElement.builder()
                          .attributeName("sk")
                          .keyType(KeyType.RANGE)
                          .build()));
      dynamo.waiter().waitUntilTableExists(t -> t.tableName(name));
    }
    if (expiring) {
      TimeToLiveStatus status =
          dynamo
              .describeTimeToLive(t -> t.tableName(name))
              .timeToLiveDescription()
              .timeToLiveStatus();
      if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
        dynamo.updateTimeToLive(
            t ->
                t.tableName(name)
                    .timeToLiveSpecification(s -> s.attributeName(TTL_ATTRIBUTE).enabled(true)));
      }
    }
  }

  private static void bucket(S3Client s3, String name) {
    try {
      s3.headBucket(b -> b.bucket(name));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(name));
    }
  }
}
