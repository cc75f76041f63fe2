package shop.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import shop.events.Topology;
import shop.ops.adapter.DynamoDbAuditLog;
import shop.ops.adapter.DynamoDbFailureReasons;
import shop.ops.adapter.EventBridgeArchiveReplays;
import shop.ops.adapter.LambdaOutboxes;
import shop.ops.adapter.SqsDeadLetterQueues;
import shop.ops.archive.ReplayArchive;
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
import shop.ops.outbox.ListParkedEvents;
import shop.ops.outbox.Outboxes;
import shop.ops.outbox.RetryParkedEvents;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.Lazy;
import shop.platform.http.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of the operator tooling, for the CLI and the admin API alike. Config: {@code
 * AWS_REGION}, credentials and endpoint overrides as {@link AwsClients} reads them, {@code
 * AWS_ENDPOINT_URL_LAMBDA} (the services' outbox functions), {@code OPS_AUDIT_TABLE} (default
 * {@value DynamoDbAuditLog#TABLE}), {@code OPS_REPLAY_DEADLINE} (default 15 minutes); for the API
 * {@code JWKS_URL}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE} (see {@link JwtVerifier}).
 */
public final class OpsModule {
  private static volatile OpsModule instance;

  private final ListDeadLetterQueues listDeadLetterQueues;
  private final InspectDeadLetters inspectDeadLetters;
  private final ReplayDeadLetters replayDeadLetters;
  private final DiscardDeadLetters discardDeadLetters;
  private final ReplayArchive replayArchive;
  private final ListAudit listAudit;
  private final ListParkedEvents listParkedEvents;
  private final RetryParkedEvents retryParkedEvents;
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
    this.inspectDeadLetters =
        new InspectDeadLetters(
            consumers, queues, new DynamoDbFailureReasons(dynamo, topology.failuresTable()));
    this.replayDeadLetters = new ReplayDeadLetters(consumers, queues, audit, clock, pacer);
    this.discardDeadLetters = new DiscardDeadLetters(consumers, queues, audit, clock);
    this.replayArchive =
        new ReplayArchive(
            consumers,
            new EventBridgeArchiveReplays(events, topology.busName(), topology.archiveName()),
            audit,
            clock,
            pacer,
            config.getDuration("OPS_REPLAY_DEADLINE", Duration.ofMinutes(15)));
    this.listAudit = new ListAudit(audit);
    Outboxes outboxes =
        new LambdaOutboxes(aws.build(LambdaClient.builder(), "LAMBDA"), Topology::outboxFunction);
    this.listParkedEvents = new ListParkedEvents(topology.publishers(), outboxes);
    this.retryParkedEvents = new RetryParkedEvents(listParkedEvents, outboxes, audit, clock);
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

  public ListAudit listAudit() {
    return listAudit;
  }

  public ListParkedEvents listParkedEvents() {
    return listParkedEvents;
  }

  public RetryParkedEvents retryParkedEvents() {
    return retryParkedEvents;
  }
}
