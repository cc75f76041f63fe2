package shop.product.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import shop.platform.http.HttpApi;
import shop.platform.http.ProblemException;
import shop.product.ProductModule;
import shop.product.catalog.ConflictException;
import shop.product.catalog.InvalidFieldException;
import shop.product.catalog.NotFoundException;
import shop.product.catalog.StaleVersionException;

/** The product service's HTTP API: every route of openapi.yaml. */
public final class ProductApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  /** Bodies are small JSON documents; images go straight to S3. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final HttpApi api;

  public ProductApi() {
    this(ProductModule.instance());
  }

  public ProductApi(ProductModule module) {
    HttpApi.Builder builder =
        HttpApi.builder()
            .jwtVerifier(module.jwtVerifier())
            .maxBodyBytes(MAX_BODY_BYTES)
            .map(
                InvalidFieldException.class,
                e -> ProblemException.invalidField(e.field(), e.getMessage()))
            .map(NotFoundException.class, e -> ProblemException.notFound(e.getMessage()))
            .map(ConflictException.class, e -> ProblemException.conflict(e.getMessage()))
            .map(
                StaleVersionException.class,
                e -> ProblemException.preconditionFailed(e.getMessage()))
            // MongoDB cannot be reached (no server selected in time, a connection lost): the
            // client may retry, as with the other services' databases.
            .map(MongoTimeoutException.class, e -> storeUnavailable())
            .map(MongoSocketException.class, e -> storeUnavailable());
    new ProductRoutes(module).register(builder);
    new CategoryRoutes(module).register(builder);
    new ImageRoutes(module).register(builder);
    new QuoteRoutes(module).register(builder);
    this.api = builder.build();
  }

  private static ProblemException storeUnavailable() {
    return ProblemException.unavailable(
        "the product store cannot be reached right now; try again shortly");
  }

  /** The routes served, for the route contract test. */
  public HttpApi api() {
    return api;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }
}
