package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import shop.platform.http.HttpApi;
import shop.transaction.TransactionModule;

/**
 * The transaction service's HTTP API (routes as in openapi.yaml): checkout and the customer's
 * orders, their shipments, returns and refunds, the staff routes, and the Stripe and carrier
 * webhooks. The events a request committed are relayed before it answers.
 */
public final class OrdersApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpApi api;

  /** For the Lambda runtime. */
  public OrdersApi() {
    this(TransactionModule.instance());
  }

  public OrdersApi(TransactionModule module) {
    HttpApi.Builder builder =
        Problems.map(HttpApi.builder()).jwtVerifier(module.jwtVerifier()).outbox(module.outbox());
    new OrderRoutes(module).register(builder);
    new AdminOrderRoutes(module).register(builder);
    new StripeWebhookRoutes(module).register(builder);
    new ShipmentRoutes(module).register(builder);
    new ReturnRoutes(module).register(builder);
    module.health().routes(builder);
    // A customer's orders (none: priming's caller has none), read before a snapshot.
    this.api = builder.primeWith("GET /orders", Map.of()).build();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }

  /** The routing table, for the route contract test. */
  public HttpApi api() {
    return api;
  }
}
