package shop.infra;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shop.ops.console.ConsoleSite;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The operator console in the cloud: the files the local HTTP API serves at /console ({@link
 * ConsoleSite}) in a private bucket behind CloudFront, which also passes {@code /auth/*} and {@code
 * /admin/*} to the shop's HTTP API uncached. The console so calls the API on its own origin, as it
 * does locally: no CORS, and its config.json names no URL.
 */
final class OperatorConsoleSite extends Construct {
  /** The uuid CDK names BucketDeployment's per-stack function with. */
  OperatorConsoleSite(Construct scope, String id, IHttpApi api) {
    super(scope, id);
    Bucket bucket =
        Bucket.Builder.create(this, "Files")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            // Every file is rebuilt from the repository on each deploy.
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    NagFindings.onResource(
        bucket,
        "AwsSolutions-S1",
        "Only the deployment writes the console's static files; the API logs every operator call");
    // https://<id>.execute-api.<region>.amazonaws.com: the host is the third part.
    String apiHost = Fn.select(2, Fn.split("/", api.getApiEndpoint()));
    BehaviorOptions toApi =
        BehaviorOptions.builder()
            .origin(HttpOrigin.Builder.create(apiHost).build())
            .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
            .allowedMethods(AllowedMethods.ALLOW_ALL)
            .cachePolicy(CachePolicy.CACHING_DISABLED)
            // Authorization and the body go through; the Host must be API Gateway's own.
            .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
            .build();
    Distribution cdn =
        BucketCdn.of(this, "Cdn", "shop operator console", bucket)
            .defaultRootObject("index.html")
            // Sorted: Map.of's order changes from one JVM to the next, and with it the template.
            .additionalBehaviors(new TreeMap<>(Map.of("/admin/*", toApi, "/auth/*", toApi)))
            .build();
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR1",
        "Operators work from anywhere; every call needs a staff token with a one-time code");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR2",
        "The API behind it has its own throttling and JWT authorizer; the page is static");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR3",
        "The API's access logs record every call the console makes; the static files need none");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR4",
        "The default *.cloudfront.net certificate cannot pin a minimum TLS version; it is set with"
            + " the shop's own domain and certificate");
    BucketCdn.publish(this, "console", bucket, cdn, sources());
    CfnOutput.Builder.create(scope, "ConsoleUrl")
        .description("The operator console (log in with a staff account and its one-time code)")
        .value("https://" + cdn.getDistributionDomainName() + "/")
        .build();
  }

  /** The console's files; config.json names no API: CloudFront passes the API's paths on. */
  private static List<ISource> sources() {
    return ConsoleSite.files("").entrySet().stream()
        .map(f -> Source.data(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8)))
        .toList();
  }
}
