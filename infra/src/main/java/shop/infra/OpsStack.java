package shop.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.events.Subscription;
import shop.events.Topology;
import shop.ops.OpsModule;
import shop.ops.api.OpsApi;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The operators' admin API: dead-letter queues (list, inspect, replay), archive replays, the audit
 * log and the order trail, with the trail's consumer and the operator console. Queue and rule ARNs
 * come from the topology's names, so this stack depends on no service stack.
 */
final class OpsStack extends ServiceStack {
  OpsStack(Construct scope, StackProps props, SharedStack shared, LambdaJars jars) {
    super(scope, "ops", props, shared, jars);
    Map<String, String> env = new HashMap<>(tokenEnvironment());
    env.put("OPS_AUDIT_TABLE", shared.audit().getTableName());
    env.put("OPS_TRAIL_TABLE", shared.trail().getTableName());
    env.put("NOTIFICATIONS_TABLE", shared.notifications().getTableName());

    ShopFunction api = function("api", OpsApi.class.getName(), Duration.seconds(60), env, null);
    serveRoutes(OpsModule.class, api);
    // Reads and appends; the table's own policy refuses updates and deletes to everyone.
    shared.audit().grantReadData(api);
    shared.audit().grant(api, "dynamodb:PutItem");
    shared.failures().grantReadData(api);
    // The order trail: the API reads it, the send ledger and the failures; its consumer writes it.
    shared.trail().grantReadData(api);
    shared.notifications().grantReadData(api);
    for (ShopFunction trail : consumeEvents(env, null)) {
      shared.trail().grantWriteData(trail);
    }
    new OperatorConsoleSite(this, "Console", shared.api());

    List<String> queues = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (Subscription subscription : Topology.shop().subscriptions()) {
      queues.add(arn("sqs", null, subscription.queue()));
      queues.add(arn("sqs", null, subscription.deadLetterQueue()));
      // The DLQ listing asks these too (a row per consumer's undeliverable events).
      queues.add(arn("sqs", null, subscription.undeliverableQueue()));
      rules.add(arn("events", "rule", shared.bus().getEventBusName() + "/" + subscription.rule()));
    }
    api.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(
                List.of(
                    "sqs:GetQueueUrl",
                    "sqs:GetQueueAttributes",
                    "sqs:ReceiveMessage",
                    "sqs:ChangeMessageVisibility",
                    "sqs:DeleteMessage",
                    "sqs:SendMessage",
                    "sqs:StartMessageMoveTask",
                    "sqs:ListMessageMoveTasks"))
            .resources(queues)
            .build());
    api.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("events:DescribeRule"))
            .resources(rules)
            .build());
    api.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("events:DescribeArchive", "events:StartReplay"))
            .resources(List.of(shared.archive().getArchiveArn()))
            .build());
    api.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("events:StartReplay", "events:DescribeReplay"))
            .resources(List.of(arn("events", "replay", "*")))
            .build());
    NagFindings.onPolicyParts(
        api,
        "AwsSolutions-IAM5",
        REPLAY_REASON,
        List.of("Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:replay/*"));

    // GET /admin/metrics reads the functions' EMF metrics back.
    api.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("cloudwatch:GetMetricData", "cloudwatch:ListMetrics"))
            .resources(List.of("*"))
            .build());
    NagFindings.onPolicyParts(api, "AwsSolutions-IAM5", METRICS_REASON, List.of("Resource::*"));

    // Parked outbox events: through each publishing service's outbox function, under its alias.
    api.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("lambda:InvokeFunction"))
            .resources(
                Topology.shop().publishers().stream()
                    .map(
                        service ->
                            formatArn(
                                ArnComponents.builder()
                                    .service("lambda")
                                    .resource("function")
                                    .resourceName(
                                        Topology.outboxFunction(service) + ":" + ShopFunction.ALIAS)
                                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                    .build()))
                    .toList())
            .build());
  }

  private static final String REPLAY_REASON =
      "A replay is named when an operator starts it: the ops API may start and describe any replay"
          + " of this account and region (archive and rules are named exactly)";

  private static final String METRICS_REASON =
      "CloudWatch's GetMetricData and ListMetrics support no resource-level permissions (AWS's"
          + " service authorization reference lists none for them): they need Resource *";

  private String arn(String awsService, String resource, String name) {
    ArnComponents.Builder arn = ArnComponents.builder().service(awsService);
    if (resource == null) {
      arn.resource(name);
    } else {
      arn.resource(resource).resourceName(name);
    }
    return formatArn(arn.build());
  }
}
