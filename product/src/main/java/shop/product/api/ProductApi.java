package shop.product.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import shop.platform.http.HttpApi;
import shop.product.ProductModule;

/**
 * The product service's HTTP API: every route of openapi.yaml. The catalog's failures are the
 * shared kernel's, which {@link HttpApi} answers itself (MongoDB out of reach among them: a 503).
 */
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
            .outbox(module.outbox())
            .maxBodyBytes(MAX_BODY_BYTES);
    new ProductRoutes(module).register(builder);
    new CategoryRoutes(module).register(builder);
    new ImageRoutes(module).register(builder);
    new QuoteRoutes(module).register(builder);
    module.health().routes(builder);
    // The benchmark's first request, the catalogue's first page, read before a snapshot.
    this.api = builder.primeWith("GET /products", Map.of("limit", "20")).build();
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
