package shop.infra;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.notification.NotificationModule;
import shop.ops.OpsModule;
import shop.platform.http.ApiReferenceSite;
import shop.product.ProductModule;
import shop.transaction.TransactionModule;
import shop.user.UserModule;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The API reference in the cloud: the same files the local HTTP API serves at /docs (Swagger UI
 * over every service's openapi.yaml, {@link ApiReferenceSite}) in a private bucket behind
 * CloudFront, replaced and invalidated on each deploy.
 */
final class ApiDocsSite extends Construct {
  /** The uuid CDK names BucketDeployment's per-stack function with. */
  ApiDocsSite(Construct scope, String id) {
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
        "Only the deployment writes the public API reference; nothing to audit per request");
    Distribution cdn =
        BucketCdn.of(this, "Cdn", "shop API reference", bucket)
            .defaultRootObject("index.html")
            .build();
    NagFindings.onResource(
        cdn, "AwsSolutions-CFR1", "The API reference is public documentation, for every country");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR2",
        "Static public documentation behind CloudFront's own DDoS protection; no WAF needed");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR3",
        "Public static documentation: CloudFront's standard metrics are enough, no access logs");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR4",
        "The default *.cloudfront.net certificate cannot pin a minimum TLS version; it is set with"
            + " the shop's own domain and certificate");
    BucketCdn.publish(this, "docs", bucket, cdn, sources());
    CfnOutput.Builder.create(scope, "ApiDocsUrl")
        .description("The API reference (Swagger UI over every service's openapi.yaml)")
        .value("https://" + cdn.getDistributionDomainName() + "/")
        .build();
  }

  /** The site's files, each service's contract read beside its module as the routes are. */
  private static List<ISource> sources() {
    Map<String, byte[]> contracts = new LinkedHashMap<>();
    contracts.put("user", ServiceContract.text(UserModule.class));
    contracts.put("product", ServiceContract.text(ProductModule.class));
    contracts.put("transaction", ServiceContract.text(TransactionModule.class));
    contracts.put("notification", ServiceContract.text(NotificationModule.class));
    contracts.put("ops", ServiceContract.text(OpsModule.class));
    return ApiReferenceSite.of(contracts).files().entrySet().stream()
        .map(f -> Source.data(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8)))
        .toList();
  }
}
