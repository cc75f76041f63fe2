package shop.ops.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.ops.OpsModule;
import shop.ops.deadletter.ReplayOutcome;
import shop.ops.deadletter.Selection;
import shop.ops.deadletter.UnknownConsumerException;
import shop.platform.auth.Caller;
import shop.platform.auth.JwtVerifier;
import shop.platform.http.HttpApi;
import shop.platform.http.HttpRequest;
import shop.platform.http.HttpResponse;
import shop.platform.http.ProblemException;

/** The operator API: the CLI's dead-letter operations for admins, over HTTP. */
public final class OpsApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpApi api;

  /** For the Lambda runtime. */
  public OpsApi() {
    this(
        OpsModule.instance(),
        JwtVerifier.fromConfig(shop.platform.config.Config.fromEnvironment()));
  }

  public OpsApi(OpsModule module, JwtVerifier verifier) {
    this.api =
        HttpApi.builder()
            .jwtVerifier(verifier)
            .route(
                "GET /admin/dlqs",
                r -> {
                  admin(r);
                  return HttpResponse.ok(Map.of("items", module.listDeadLetterQueues().list()));
                })
            .route(
                "GET /admin/dlqs/{consumer}/messages",
                r -> {
                  admin(r);
                  Selection selection =
                      new Selection(null, r.query("type").orElse(null), time(r, "since"), null);
                  return HttpResponse.ok(
                      Map.of(
                          "items",
                          module
                              .inspectDeadLetters()
                              .inspect(
                                  r.path("consumer"),
                                  selection,
                                  r.queryInt("limit", 20, 1, 1000))));
                })
            .route(
                "POST /admin/dlqs/{consumer}/replay",
                r -> {
                  Caller caller = admin(r);
                  ReplayRequest body = r.body(ReplayRequest.class);
                  ReplayOutcome outcome =
                      module
                          .replayDeadLetters()
                          .replay(
                              r.path("consumer"),
                              body.selection(),
                              Boolean.TRUE.equals(body.dryRun()),
                              body.rate() == null ? 50 : body.rate(),
                              caller.email());
                  return HttpResponse.of(outcome.complete() ? 200 : 207, outcome);
                })
            .route(
                "GET /admin/audit",
                r -> {
                  admin(r);
                  return HttpResponse.ok(
                      Map.of("items", module.listAudit().list(r.queryInt("limit", 50, 1, 1000))));
                })
            .map(UnknownConsumerException.class, e -> ProblemException.notFound(e.getMessage()))
            .map(IllegalArgumentException.class, e -> ProblemException.badRequest(e.getMessage()))
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

  private static Caller admin(HttpRequest request) {
    return request.callerWithRole(Caller.ADMIN);
  }

  private static Instant time(HttpRequest request, String name) {
    return request
        .query(name)
        .map(
            text -> {
              try {
                return Instant.parse(text);
              } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(
                    name, "must be an ISO-8601 time like 2026-11-24T10:00:00Z");
              }
            })
        .orElse(null);
  }

  /** What to replay; no criterion means everything. */
  public record ReplayRequest(
      @Size(max = 1000) List<String> ids,
      String type,
      Instant since,
      Instant until,
      Boolean dryRun,
      @Min(1) @Max(500) Integer rate) {

    Selection selection() {
      return new Selection(ids == null ? Set.of() : Set.copyOf(ids), type, since, until);
    }
  }
}
