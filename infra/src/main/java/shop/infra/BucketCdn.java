package shop.infra;

import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.constructs.Construct;
import software.constructs.IConstruct;

/** CloudFront in front of a private bucket: how the shop publishes static files. */
final class BucketCdn {
  private BucketCdn() {}

  /**
   * A distribution of {@code bucket} that reads it through origin access control (the bucket stays
   * private), caches it near the readers, answers GET and HEAD only and over HTTPS only; the caller
   * adds what is its own (a root object) and names its cdk-nag reasons.
   */
  static Distribution.Builder of(Construct scope, String id, String comment, IBucket bucket) {
    return Distribution.Builder.create(scope, id)
        .comment(comment)
        .defaultBehavior(
            BehaviorOptions.builder()
                .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                .build())
        .priceClass(PriceClass.PRICE_CLASS_100)
        .httpVersion(HttpVersion.HTTP2_AND_3);
  }

  // CDK makes one copying function per stack for every BucketDeployment, beside them.
  private static final String COPIER_UUID = "8693BB64968944B69AAFB0CC9EB8756C";

  /**
   * Publishes {@code sources} to {@code bucket} on each deploy (stale objects deleted, {@code cdn}
   * invalidated), with the cdk-nag reasons for CDK's copying function; {@code what} names the
   * bucket in them.
   */
  static void publish(
      Construct site, String what, IBucket bucket, Distribution cdn, List<ISource> sources) {
    BucketDeployment.Builder.create(site, "Publish")
        .sources(sources)
        .destinationBucket(bucket)
        .distribution(cdn)
        .distributionPaths(List.of("/*"))
        .build();
    Stack stack = Stack.of(site);
    IConstruct copier = stack.getNode().findChild("Custom::CDKBucketDeployment" + COPIER_UUID);
    NagFindings.onResource(
        copier,
        "AwsSolutions-L1",
        "CDK's BucketDeployment function: its runtime is CDK's, updated with aws-cdk-lib");
    NagFindings.onPolicyParts(
        copier,
        "AwsSolutions-IAM5",
        "CDK's BucketDeployment copies its asset (from the bootstrap assets bucket) over every"
            + " object of the "
            + what
            + " bucket and deletes the stale ones: object wildcards on those two buckets only",
        List.of(
            "Action::s3:GetObject*",
            "Action::s3:GetBucket*",
            "Action::s3:List*",
            "Action::s3:DeleteObject*",
            "Action::s3:Abort*",
            "Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*",
            "Resource::<"
                + stack.getLogicalId((CfnElement) bucket.getNode().getDefaultChild())
                + ".Arn>/*"));
  }
}
