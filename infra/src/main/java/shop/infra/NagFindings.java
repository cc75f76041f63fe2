package shop.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * The AwsSolutions findings we accept, each with its reason. Findings that concern one resource are
 * suppressed on that resource where it is made ({@link #onResource}); these are the ones every
 * stack shares.
 */
final class NagFindings {
  private NagFindings() {}

  static void suppress(Stack stack) {
    NagSuppressions.addStackSuppressions(
        stack,
        List.of(
            NagPackSuppression.builder()
                .id("AwsSolutions-IAM4")
                .reason(
                    "Lambda's own managed policies only grant writing the function's logs and, in a"
                        + " VPC, managing its network interfaces; nothing to narrow")
                .appliesTo(
                    List.of(
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"))
                .build(),
            NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(
                    "X-Ray's PutTraceSegments and PutTelemetryRecords take no resource: active"
                        + " tracing needs Resource *")
                .appliesTo(List.of("Resource::*"))
                .build(),
            NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(
                    "Reading a DynamoDB table includes its global secondary indexes (index/*),"
                        + " which the service queries")
                .appliesTo(
                    List.of(
                        RegexAppliesTo.builder().regex("/^Resource::.*\\/index\\/\\*$/").build()))
                .build()));
  }

  /** Suppresses {@code rule} on {@code resource} (and its children) for {@code reason}. */
  static void onResource(IConstruct resource, String rule, String reason) {
    NagSuppressions.addResourceSuppressions(
        resource, List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
  }
}
