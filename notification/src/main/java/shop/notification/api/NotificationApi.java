package shop.notification.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import shop.notification.NotificationModule;
import shop.platform.http.HttpApi;

/** The notification service over HTTP; routes as in openapi.yaml. */
public final class NotificationApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpApi api;

  public NotificationApi() {
    this(NotificationModule.instance());
  }

  public NotificationApi(NotificationModule module) {
    HttpApi.Builder builder = HttpApi.builder().jwtVerifier(module.jwtVerifier());
    new NotificationRoutes(module).register(builder);
    module.health().routes(builder);
    // Priming reads the caller's delivery log: its DynamoDB query runs the SDK's path, never sent.
    this.api = builder.primeWith("GET /notifications", Map.of()).build();
  }

  /** The routes, for the contract test against openapi.yaml. */
  public HttpApi api() {
    return api;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }
}
