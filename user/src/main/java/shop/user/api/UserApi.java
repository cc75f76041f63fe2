package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import shop.platform.http.HttpApi;
import shop.user.UserModule;
import shop.user.shared.DomainException;

/** The user service's HTTP API: every operation of openapi.yaml. */
public final class UserApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpApi api;

  /** For the Lambda runtime: the module of this cold start. */
  public UserApi() {
    this(UserModule.shared());
  }

  public UserApi(UserModule module) {
    HttpApi.Builder builder =
        HttpApi.builder()
            .jwtVerifier(module.jwtVerifier())
            .maxBodyBytes(16 * 1024)
            .map(DomainException.class, Problems::of);
    AuthRoutes.register(builder, module);
    ProfileRoutes.register(builder, module);
    AddressRoutes.register(builder, module);
    PaymentMethodRoutes.register(builder, module);
    CartRoutes.register(builder, module);
    AdminRoutes.register(builder, module);
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
