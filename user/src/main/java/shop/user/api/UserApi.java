package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import shop.platform.http.HttpApi;
import shop.user.UserModule;

/** The user service's HTTP API: every operation of openapi.yaml. */
public final class UserApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpApi api;

  /** For the Lambda runtime: the module of this cold start. */
  public UserApi() {
    this(UserModule.instance());
  }

  public UserApi(UserModule module) {
    HttpApi.Builder builder =
        HttpApi.builder()
            .jwtVerifier(module.jwtVerifier())
            .outbox(module.outbox())
            .maxBodyBytes(16 * 1024);
    new AuthRoutes(module).register(builder);
    new ProfileRoutes(module).register(builder);
    new MfaRoutes(module).register(builder);
    new AddressRoutes(module).register(builder);
    new PaymentMethodRoutes(module).register(builder);
    new CartRoutes(module).register(builder);
    new AdminRoutes(module).register(builder);
    module.health().routes(builder);
    this.api = builder.build();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }

  /** The routes, for the contract test against openapi.yaml. */
  public HttpApi api() {
    return api;
  }
}
