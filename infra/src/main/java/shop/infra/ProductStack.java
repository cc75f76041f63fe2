package shop.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.platform.http.ApiRoute;
import shop.product.ProductModule;
import shop.product.api.EnsureIndexesHandler;
import shop.product.api.OutboxOperationsHandler;
import shop.product.api.OutboxSweepHandler;
import shop.product.api.ProductApi;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.constructs.Construct;

/**
 * Catalog, images and stock: MongoDB Atlas and the image bucket. The functions run in the VPC's
 * private subnets and reach Atlas through the NAT gateway, whose one address is what Atlas's access
 * list admits (docs/DEPLOY.md), never the whole internet.
 */
final class ProductStack extends ServiceStack {
  private final Map<ApiRoute, HttpRoute> routes;
  private final ShopFunction api;

  ProductStack(
      Construct scope, StackProps props, SharedStack shared, DataStack data, LambdaJars jars) {
    super(scope, "product", props, shared, jars);
    // Its own security group: out to Atlas, S3 and AWS's APIs; nothing of the database's.
    SecurityGroup outbound =
        SecurityGroup.Builder.create(this, "FunctionsSecurityGroup")
            .vpc(data.vpc())
            .description("product's functions: outbound only (MongoDB Atlas, AWS APIs)")
            .allowAllOutbound(true)
            .build();
    ShopFunction.Network network = new ShopFunction.Network(data.vpc(), outbound);
    Map<String, String> env = new HashMap<>(tokenEnvironment());
    env.put("MONGODB_URI", secretSetting(shared.mongoDb(), "uri"));
    env.put("MONGODB_DATABASE", config.mongoDatabase());
    env.put("PRODUCT_IMAGES_BUCKET", shared.images().getBucketName());
    env.put("PRODUCT_IMAGES_BASE_URL", shared.imagesBaseUrl());

    api = function("api", ProductApi.class.getName(), Duration.seconds(15), env, network);
    // Admins upload through presigned PUTs and the API checks what arrived: put and read, and
    // never delete (a leaked API role cannot wipe the catalogue's images).
    shared.images().grantPut(api);
    shared.images().grantRead(api);
    NagFindings.onPolicyParts(
        api,
        "AwsSolutions-IAM5",
        "Presigned uploads and image checks address any object key of the image bucket; grantPut"
            + " and grantRead name their S3 actions with these wildcards (Abort* aborts an"
            + " upload, Get*/List* read), none of which deletes",
        List.of(
            "Resource::<ProductImagesD279FBF2.Arn>/*",
            "Action::s3:Abort*",
            "Action::s3:GetObject*",
            "Action::s3:GetBucket*",
            "Action::s3:List*"));
    routes = serveRoutes(ProductModule.class, api);

    consumeEvents(env, network);
    ShopFunction sweep =
        function(
            "outbox-sweep", OutboxSweepHandler.class.getName(), Duration.seconds(50), env, network);
    schedule("outbox-sweep", sweep, ScheduleExpression.rate(Duration.minutes(1)));
    // Operators list and retry parked events through it (./shop ops outbox): ops may invoke it,
    // nothing else, and it needs no route.
    function(
        "outbox-ops", OutboxOperationsHandler.class.getName(), Duration.seconds(30), env, network);

    // The indexes (the unique sku among them) exist before the functions serve, as the PostgreSQL
    // services' migrations do; created at deploy time so that no cold start sends them.
    ShopFunction indexes =
        function(
            "ensure-indexes",
            EnsureIndexesHandler.class.getName(),
            Duration.minutes(2),
            env,
            network);
    runOnDeploy("EnsureIndexes", indexes, List.of());
    allowPublishingOwnEvents();
  }

  /**
   * Lets {@code caller}'s role ask for price quotes: API Gateway lets any signed role of the
   * account through the IAM route, the API admits the roles {@code PRICE_QUOTE_CALLERS} names.
   */
  void allowPriceQuotesFrom(ShopFunction caller) {
    api.function().addEnvironment("PRICE_QUOTE_CALLERS", caller.function().getRole().getRoleArn());
  }

  /** The routes of product's openapi.yaml (the internal price check among them). */
  Map<ApiRoute, HttpRoute> routes() {
    return routes;
  }
}
