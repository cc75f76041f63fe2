package shop.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import shop.events.Topology;
import shop.ops.adapter.DynamoDbAuditLog;
import shop.ops.adapter.DynamoDbFailureReasons;
import shop.ops.adapter.EventBridgeArchiveReplays;
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
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of the operator tooling, for the CLI and the admin API alike. Config: {@code
 * AWS_REGION}, credentials and endpoint overrides as {@link AwsClients} reads them, {@code
 * OPS_AUDIT_TABLE} (default {@value DynamoDbAuditLog#TABLE}).
 */
public final class OpsModule {
  private static volatile OpsModule instance;

  private final ListDeadLetterQueues listDeadLetterQueues;
  private final InspectDeadLetters inspectDeadLetters;
  private final ReplayDeadLetters replayDeadLetters;
  private final DiscardDeadLetters discardDeadLetters;
  private final ReplayArchive replayArchive;
  private final ListAudit listAudit;

  public OpsModule(Config config) {
    this(config, Topology.shop(), Clock.systemUTC(), Pacer.sleeping());
  }

  public OpsModule(Config config, Topology topology, Clock clock, Pacer pacer) {
    AwsClients aws = new AwsClients(config);
    SqsClient sqs = aws.build(SqsClient.builder(), "SQS");
    DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
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
  }

  /** The module of this Lambda container, built on first use from the environment. */
  public static OpsModule instance() {
    if (instance == null) {
      synchronized (OpsModule.class) {
        if (instance == null) {
          instance = new OpsModule(Config.fromEnvironment());
        }
      }
    }
    return instance;
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
}
