package shop.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import shop.events.EventEnvelope;
import shop.events.EventJson;
import shop.events.EventType;
import shop.events.ShopEvent;
import shop.events.Subscription;
import shop.events.Topology;
import shop.ops.adapter.CloudWatchMetrics;
import shop.ops.adapter.DynamoDbAuditLog;
import shop.ops.adapter.DynamoDbFailureReasons;
import shop.ops.adapter.DynamoDbOrderTrails;
import shop.ops.adapter.DynamoDbSentNotifications;
import shop.ops.adapter.EventBridgeArchiveReplays;
import shop.ops.adapter.LambdaOutboxes;
import shop.ops.adapter.SqsDeadLetterQueues;
import shop.ops.archive.ReplayArchive;
import shop.ops.archive.ShowArchiveReplay;
import shop.ops.archive.StartArchiveReplay;
import shop.ops.audit.AuditLog;
import shop.ops.audit.ListAudit;
import shop.ops.deadletter.Consumer;
import shop.ops.deadletter.Consumers;
import shop.ops.deadletter.DeadLetterQueues;
import shop.ops.deadletter.DiscardDeadLetters;
import shop.ops.deadletter.InspectDeadLetters;
import shop.ops.deadletter.ListDeadLetterQueues;
import shop.ops.deadletter.Pacer;
import shop.ops.deadletter.ReplayDeadLetters;
import shop.ops.metrics.ShowMetrics;
import shop.ops.outbox.ListParkedEvents;
import shop.ops.outbox.Outboxes;
import shop.ops.outbox.RetryParkedEvents;
import shop.ops.trail.OrderTrails;
import shop.ops.trail.RecordTrailEvent;
import shop.ops.trail.ShowOrderTrail;
import shop.ops.trail.Subscriber;
import shop.ops.trail.TrailEvent;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.Lazy;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.events.EventHandler;
import shop.platform.events.SqsDeadLetters;
import shop.platform.events.SqsEventConsumer;
import shop.platform.http.Health;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of the operator tooling, for the CLI and the admin API alike. Config: {@code
 * AWS_REGION}, credentials and endpoint overrides as {@link AwsClients} reads them, {@code
 * AWS_ENDPOINT_URL_LAMBDA} (the services' outbox functions), {@code OPS_AUDIT_TABLE} (default
 * {@value DynamoDbAuditLog#TABLE}), {@code OPS_REPLAY_DEADLINE} (default 15 minutes); for the API
 * {@code JWKS_URL}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE} (see {@link JwtVerifier}); for the
 * order trail {@code OPS_TRAIL_TABLE} (default {@value DynamoDbOrderTrails#TABLE}), {@code
 * OPS_TRAIL_RETENTION} (default 90 days) and {@code NOTIFICATIONS_TABLE} (the send ledger it reads,
 * default {@value DynamoDbSentNotifications#TABLE}).
 */
public final class OpsModule {
  /** The trail's consumer name in the topology. */
  public static final String TRAIL = "trail";

  private static volatile OpsModule instance;

  private final ListDeadLetterQueues listDeadLetterQueues;
  private final InspectDeadLetters inspectDeadLetters;
  private final ReplayDeadLetters replayDeadLetters;
  private final DiscardDeadLetters discardDeadLetters;
  private final ReplayArchive replayArchive;
  private final StartArchiveReplay startArchiveReplay;
  private final ShowArchiveReplay showArchiveReplay;
  private final ListAudit listAudit;
  private final ListParkedEvents listParkedEvents;
  private final RetryParkedEvents retryParkedEvents;
  private final RecordTrailEvent recordTrailEvent;
  private final ShowOrderTrail showOrderTrail;
  private final ShowMetrics showMetrics;
  private final SqsEventConsumer trailEvents;
  // Built on first use: the CLI builds this module too, and has no JWT settings.
  private final Supplier<JwtVerifier> jwtVerifier;
  private final Health health;

  public OpsModule(Config config) {
    this(config, null);
  }

  /** With {@code jwtVerifier} instead of one from config (tests, the local cloud); may be null. */
  public OpsModule(Config config, JwtVerifier jwtVerifier) {
    this(config, jwtVerifier, Topology.shop(), Clock.systemUTC(), Pacer.sleeping());
  }

  OpsModule(Config config, JwtVerifier jwtVerifier, Topology topology, Clock clock, Pacer pacer) {
    this.jwtVerifier =
        jwtVerifier != null ? () -> jwtVerifier : Lazy.of(() -> JwtVerifier.fromConfig(config));
    AwsClients aws = new AwsClients(config);
    SqsClient sqs = aws.build(SqsClient.builder(), "SQS");
    DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
    String auditTable = config.get("OPS_AUDIT_TABLE", DynamoDbAuditLog.TABLE);
    this.health =
        new Health(
            "ops", Map.of("audit-table", () -> dynamo.describeTable(r -> r.tableName(auditTable))));
    EventBridgeClient events = aws.build(EventBridgeClient.builder(), "EVENTBRIDGE");
    Consumers consumers =
        new Consumers(
            topology.subscriptions().stream()
                .flatMap(
                    s ->
                        Stream.of(
                            new Consumer(s.consumer(), s.queue(), s.deadLetterQueue(), s.rule()),
                            Consumer.undeliverable(
                                s.consumer(), s.queue(), s.undeliverableQueue(), s.rule())))
                .toList());
    DeadLetterQueues queues = new SqsDeadLetterQueues(sqs);
    AuditLog audit =
        new DynamoDbAuditLog(dynamo, config.get("OPS_AUDIT_TABLE", DynamoDbAuditLog.TABLE));
    this.listDeadLetterQueues = new ListDeadLetterQueues(consumers, queues, clock);
    DynamoDbFailureReasons failureReasons =
        new DynamoDbFailureReasons(dynamo, topology.failuresTable());
    this.inspectDeadLetters = new InspectDeadLetters(consumers, queues, failureReasons);
    this.replayDeadLetters = new ReplayDeadLetters(consumers, queues, audit, clock, pacer);
    this.discardDeadLetters = new DiscardDeadLetters(consumers, queues, audit, clock);
    EventBridgeArchiveReplays archiveReplays =
        new EventBridgeArchiveReplays(events, topology.busName(), topology.archiveName());
    this.startArchiveReplay = new StartArchiveReplay(consumers, archiveReplays, audit, clock);
    this.showArchiveReplay = new ShowArchiveReplay(archiveReplays);
    this.replayArchive =
        new ReplayArchive(
            consumers,
            archiveReplays,
            audit,
            clock,
            pacer,
            config.getDuration("OPS_REPLAY_DEADLINE", Duration.ofMinutes(15)));
    this.listAudit = new ListAudit(audit);
    Outboxes outboxes =
        new LambdaOutboxes(aws.build(LambdaClient.builder(), "LAMBDA"), Topology::outboxFunction);
    this.listParkedEvents = new ListParkedEvents(topology.publishers(), outboxes);
    this.retryParkedEvents = new RetryParkedEvents(listParkedEvents, outboxes, audit, clock);

    OrderTrails trails =
        new DynamoDbOrderTrails(
            dynamo,
            config.get("OPS_TRAIL_TABLE", DynamoDbOrderTrails.TABLE),
            config.getDuration("OPS_TRAIL_RETENTION", DynamoDbOrderTrails.DEFAULT_RETENTION),
            clock);
    this.recordTrailEvent = new RecordTrailEvent(trails);
    this.showMetrics =
        new ShowMetrics(
            new CloudWatchMetrics(aws.build(CloudWatchClient.builder(), "CLOUDWATCH")),
            consumers,
            queues,
            clock);
    this.showOrderTrail =
        new ShowOrderTrail(
            trails,
            type -> subscribers(topology, type),
            failureReasons,
            audit,
            new DynamoDbSentNotifications(
                dynamo, config.get("NOTIFICATIONS_TABLE", DynamoDbSentNotifications.TABLE)));
    EventHandler<ShopEvent> keep = this::keepInTrail;
    Map<EventType, EventHandler<ShopEvent>> handlers = new EnumMap<>(EventType.class);
    topology
        .subscription(TRAIL)
        .map(Subscription::events)
        .orElse(Set.of())
        .forEach(type -> handlers.put(type, keep));
    this.trailEvents =
        new SqsEventConsumer(
            TRAIL,
            handlers,
            new DynamoDbFailureRecorder(dynamo, topology.failuresTable()),
            new SqsDeadLetters(() -> sqs));
  }

  /** The consumers of a CloudEvent type but the trail itself, which handles every one it gets. */
  private static List<Subscriber> subscribers(Topology topology, String type) {
    return EventType.ofType(type).map(topology::consumersOf).orElse(List.of()).stream()
        .filter(s -> !s.consumer().equals(TRAIL))
        .map(s -> new Subscriber(s.consumer(), s.maxReceiveCount()))
        .toList();
  }

  /**
   * Keeps an event that names an order ({@code orderId} in its data, whatever its type, so that new
   * order events need no change here); acknowledges the others.
   */
  private void keepInTrail(EventEnvelope<ShopEvent> event) {
    JsonNode data = EventJson.mapper().valueToTree(event.data());
    JsonNode orderId = data.get("orderId");
    if (orderId == null || !orderId.isTextual()) {
      return;
    }
    JsonNode amount = data.get("amount");
    recordTrailEvent.record(
        new TrailEvent(
            orderId.asText(),
            event.id(),
            event.type().type(),
            event.source(),
            event.time(),
            amount != null && amount.isIntegralNumber() ? amount.asLong() : null,
            text(data, "currency"),
            text(data, "reason")));
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The module of this Lambda instance, from the environment; built on first use. */
  public static OpsModule instance() {
    OpsModule module = instance;
    if (module == null) {
      synchronized (OpsModule.class) {
        module = instance;
        if (module == null) {
          module = new OpsModule(Config.fromEnvironment());
          instance = module;
        }
      }
    }
    return module;
  }

  /** The service's health routes: liveness, and readiness checking its store. */
  public Health health() {
    return health;
  }

  public JwtVerifier jwtVerifier() {
    return jwtVerifier.get();
  }

  public ListDeadLetterQueues listDeadLetterQueues() {
    return listDeadLetterQueues;
  }

  public InspectDeadLetters inspectDeadLetters() {
    return inspectDeadLetters;
  }

  public ReplayDeadLetters replayDeadLetters() {
    return replayDeadLetters;
  }

  public DiscardDeadLetters discardDeadLetters() {
    return discardDeadLetters;
  }

  public ReplayArchive replayArchive() {
    return replayArchive;
  }

  public StartArchiveReplay startArchiveReplay() {
    return startArchiveReplay;
  }

  public ShowArchiveReplay showArchiveReplay() {
    return showArchiveReplay;
  }

  public ListAudit listAudit() {
    return listAudit;
  }

  public ListParkedEvents listParkedEvents() {
    return listParkedEvents;
  }

  public RetryParkedEvents retryParkedEvents() {
    return retryParkedEvents;
  }

  public ShowOrderTrail showOrderTrail() {
    return showOrderTrail;
  }

  public ShowMetrics showMetrics() {
    return showMetrics;
  }

  /** The trail consumer: every shop event, kept per order ({@link RecordTrailEvent}). */
  public SqsEventConsumer trailEvents() {
    return trailEvents;
  }
}
