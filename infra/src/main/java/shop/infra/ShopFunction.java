package shop.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * One Java handler as a Lambda function: Java 21 on arm64, SnapStart on published versions, every
 * caller through the {@code live} alias (SnapStart only applies to versions), X-Ray, a log group
 * with retention, and alarms on errors and p99 duration.
 */
final class ShopFunction extends Construct implements IGrantable {
  static final String ALIAS = "live";

  /** Tiered compilation stops early: faster cold starts and restores for short handlers. */
  private static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  /**
   * @param name the function name, {@code shop-<service>-<role>}
   * @param handler the fully qualified class of the RequestHandler
   * @param network the VPC to run in, or null for none
   */
  record Props(
      String name,
      String handler,
      Code code,
      int memoryMb,
      Duration timeout,
      Map<String, String> environment,
      Network network,
      DeploymentConfig config,
      ITopic alarms) {}

  /** Where a function that reaches the database runs. */
  record Network(IVpc vpc, ISecurityGroup securityGroup) {}

  private final String name;
  private final Function function;
  private final Alias alias;
  private final LogGroup logs;

  ShopFunction(Construct scope, String id, Props props) {
    super(scope, id);
    this.name = props.name();
    Map<String, String> environment = new TreeMap<>(props.environment());
    environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    logs =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName("/aws/lambda/" + props.name())
            .retention(props.config().logRetention())
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    Function.Builder builder =
        Function.Builder.create(this, "Function")
            .functionName(props.name())
            .description(props.handler())
            .runtime(Runtime.JAVA_21)
            .architecture(Architecture.ARM_64)
            .handler(props.handler() + "::handleRequest")
            .code(props.code())
            .memorySize(props.memoryMb())
            .timeout(props.timeout())
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .tracing(Tracing.ACTIVE)
            .environment(environment)
            .logGroup(logs);
    if (props.network() != null) {
      builder
          .vpc(props.network().vpc())
          .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
          .securityGroups(List.of(props.network().securityGroup()));
    }
    function = builder.build();
    NagFindings.onResource(
        function,
        "AwsSolutions-L1",
        "The services compile for Java 21 (maven.compiler.release); the runtime moves with them");
    alias =
        Alias.Builder.create(this, "Alias")
            .aliasName(ALIAS)
            .version(function.getCurrentVersion())
            .build();

    SnsAction notify = new SnsAction(props.alarms());
    Alarm errors =
        Alarm.Builder.create(this, "Errors")
            .alarmName(props.name() + "-errors")
            .alarmDescription(props.name() + " failed at least once in 5 minutes")
            .metric(
                alias.metricErrors(
                    MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build()))
            .threshold(1)
            .evaluationPeriods(1)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    errors.addAlarmAction(notify);
    Alarm latency =
        Alarm.Builder.create(this, "LatencyP99")
            .alarmName(props.name() + "-p99")
            .alarmDescription(
                props.name() + " p99 duration above " + props.config().latencyAlarmMs() + " ms")
            .metric(
                alias.metricDuration(
                    MetricOptions.builder().period(Duration.minutes(5)).statistic("p99").build()))
            .threshold(props.config().latencyAlarmMs())
            .evaluationPeriods(3)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    latency.addAlarmAction(notify);
  }

  /** The function's name, {@code shop-<service>-<role>}. */
  String name() {
    return name;
  }

  /** The function itself (its versions publish the SnapStart snapshots). */
  Function function() {
    return function;
  }

  /** Where the function logs (one JSON line per entry). */
  LogGroup logs() {
    return logs;
  }

  /** What every trigger invokes. */
  Alias alias() {
    return alias;
  }

  void addToRolePolicy(PolicyStatement statement) {
    function.addToRolePolicy(statement);
  }

  @Override
  public IPrincipal getGrantPrincipal() {
    return function.getGrantPrincipal();
  }
}
