package shop.ops.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import shop.ops.OpsModule;
import shop.platform.http.HttpApi;

/**
 * The operator API: the CLI's dead-letter, outbox and audit operations for admins, over HTTP;
 * routes as in openapi.yaml. Every refusal is a failure of the kernel (a field named, a consumer
 * not found); anything else is a bug and answers 500.
 */
public final class OpsApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpApi api;

  /** For the Lambda runtime. */
  public OpsApi() {
    this(OpsModule.instance());
  }

  public OpsApi(OpsModule module) {
    HttpApi.Builder builder = HttpApi.builder().jwtVerifier(module.jwtVerifier());
    new DeadLetterRoutes(module).register(builder);
    new AuditRoutes(module).register(builder);
    new OutboxRoutes(module).register(builder);
    new TrailRoutes(module).register(builder);
    new ArchiveRoutes(module).register(builder);
    new MetricsRoutes(module).register(builder);
    module.health().routes(builder);
    // Priming lists the dead-letter queues (SQS) and the audit log (DynamoDB), the console's first
    // reads: their requests run the SDK's path and are never sent.
    this.api =
        builder
            .primeWith("GET /admin/dlqs", Map.of())
            .primeWith("GET /admin/audit", Map.of())
            .build();
  }

  /** The routes this handler serves; checked against openapi.yaml. */
  public HttpApi api() {
    return api;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return api.handle(event);
  }
}
