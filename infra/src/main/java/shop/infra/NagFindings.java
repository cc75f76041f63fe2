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

  /**
   * Suppresses {@code rule} on {@code resource} (and its children) for {@code reason}: for rules
   * whose finding is the resource itself (a setting it lacks). Rules that flag parts of a policy
   * (the IAM rules) are suppressed for named parts only, with {@link #onPolicyParts}.
   */
  static void onResource(IConstruct resource, String rule, String reason) {
    if (rule.startsWith("AwsSolutions-IAM")) {
      throw new IllegalArgumentException(
          rule + " flags parts of a policy: suppress the parts it may have (onPolicyParts)");
    }
    NagSuppressions.addResourceSuppressions(
        resource, List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
  }

  /**
   * Suppresses {@code rule} on {@code resource}'s policies for exactly {@code parts} (cdk-nag's
   * {@code appliesTo}: {@code Action::s3:GetObject*}, {@code Resource::<Bucket.Arn>/*}), so that a
   * wildcard added later is still reported.
   */
  static void onPolicyParts(IConstruct resource, String rule, String reason, List<String> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(rule + " needs the parts it applies to");
    }
    NagSuppressions.addResourceSuppressions(
        resource,
        List.of(
            NagPackSuppression.builder()
                .id(rule)
                .reason(reason)
                .appliesTo(List.<Object>copyOf(parts))
                .build()),
        true);
  }
}
