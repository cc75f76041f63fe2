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
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.constructs.Construct;

/** Catalog, images and stock: MongoDB Atlas (no VPC) and the image bucket. */
final class ProductStack extends ServiceStack {
  private final Map<ApiRoute, HttpRoute> routes;

  ProductStack(Construct scope, StackProps props, SharedStack shared, LambdaJars jars) {
    super(scope, "product", props, shared, jars);
    Map<String, String> env = new HashMap<>(tokenEnvironment());
    env.put("MONGODB_URI", secretSetting(shared.mongoDb(), "uri"));
    env.put("MONGODB_DATABASE", config.mongoDatabase());
    env.put("PRODUCT_IMAGES_BUCKET", shared.images().getBucketName());
    env.put("PRODUCT_IMAGES_BASE_URL", shared.imagesBaseUrl());

    ShopFunction api = function("api", ProductApi.class.getName(), Duration.seconds(15), env, null);
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

    consumeEvents(env, null);
    ShopFunction sweep =
        function(
            "outbox-sweep", OutboxSweepHandler.class.getName(), Duration.seconds(50), env, null);
    schedule("outbox-sweep", sweep, ScheduleExpression.rate(Duration.minutes(1)));
    // Operators list and retry parked events through it (./shop ops outbox): ops may invoke it,
    // nothing else, and it needs no route.
    function(
        "outbox-ops", OutboxOperationsHandler.class.getName(), Duration.seconds(30), env, null);

    // The indexes (the unique sku among them) exist before the functions serve, as the PostgreSQL
    // services' migrations do; created at deploy time so that no cold start sends them.
    ShopFunction indexes =
        function(
            "ensure-indexes", EnsureIndexesHandler.class.getName(), Duration.minutes(2), env, null);
    runOnDeploy("EnsureIndexes", indexes, List.of());
    allowPublishingOwnEvents();
  }

  /** The routes of product's openapi.yaml (the internal price check among them). */
  Map<ApiRoute, HttpRoute> routes() {
    return routes;
  }
}
