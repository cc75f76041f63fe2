package shop.infra;

import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

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
}
