package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.platform.domain.PreconditionFailedException;
import shop.platform.domain.RejectedException;
import shop.platform.domain.TooManyAttemptsException;
import shop.platform.domain.UnauthenticatedException;
import shop.platform.domain.UnavailableException;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.CapturedMetrics;
import shop.platform.testing.TestTokens;

class HttpApiTest {
  record Line(@NotBlank String productId, @Min(1) @Max(1000) int quantity) {}

  record Order(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Line> items, String note) {}

  static final class OutOfStock extends RuntimeException {
    OutOfStock(String message) {
      super(message);
    }
  }

  private final CapturedMetrics metrics = new CapturedMetrics();

  private final HttpApi api =
      HttpApi.builder()
          .metrics(metrics.metrics())
          .route("POST /orders", r -> HttpResponse.created("/orders/1", r.body(Order.class)))
          .route(
              "GET /products",
              r -> HttpResponse.ok(Map.of("limit", r.queryInt("limit", 20, 1, 100))))
          .route("GET /me", r -> HttpResponse.ok(Map.of("id", r.caller().userId())))
          .route("GET /admin", r -> HttpResponse.ok(Map.of("id", r.callerWithRole("ops").userId())))
          .route("POST /internal/quotes", r -> HttpResponse.ok(Map.of("by", r.iamCaller())))
          .route(
              "GET /stock",
              r -> {
                throw new OutOfStock("mug is out of stock");
              })
          .route(
              "GET /boom",
              r -> {
                throw new IllegalStateException("secret internals at line 42");
              })
          .route(
              "GET /db",
              r -> {
                throw new io.r2dbc.spi.R2dbcTimeoutException(
                    "Connection acquisition timed out after 5000ms");
              })
          .route(
              "GET /slow",
              r -> reactor.core.publisher.Mono.<HttpResponse>never().block(Duration.ofMillis(10)))
          .route(
              "GET /restarting",
              r -> {
                throw new IllegalStateException(
                    "wrapped",
                    new io.r2dbc.spi.R2dbcNonTransientResourceException(
                        "terminating connection due to administrator command"));
              })
          .route(
              "GET /mongo",
              r -> {
                throw new com.mongodb.MongoTimeoutException("no server selected in 30000 ms");
              })
          .route(
              "GET /kernel/{failure}",
              r -> {
                throw switch (r.path("failure")) {
                  case "invalid" -> new InvalidFieldException("items[0].quantity", "is too big");
                  case "unauthenticated" -> new UnauthenticatedException("wrong password");
                  case "missing" -> NotFoundException.of("order o-1");
                  case "conflict" -> new ConflictException("already paid");
                  case "stale" -> new PreconditionFailedException("version 3 is not current");
                  case "rejected" -> new RejectedException("card declined");
                  case "throttled" ->
                      new TooManyAttemptsException("too many attempts", Duration.ofSeconds(90));
                  case "unavailable" -> new UnavailableException("stripe did not answer");
                  default -> new IllegalArgumentException("a bug, not the client's fault");
                };
              })
          .route(
              "GET /items/{id}",
              r -> HttpResponse.ok(Map.of("id", r.path("id"), "q", r.query("q").orElse(""))))
          .map(OutOfStock.class, e -> ProblemException.conflict(e.getMessage()))
          .jwtVerifier(TestTokens.verifier())
          .maxBodyBytes(1024)
          .build();

  @Test
  void primingRunsTheRequestPathWithoutAnyRoute() {
    HttpApi untouchable =
        HttpApi.builder()
            .route(
                "GET /products",
                r -> {
                  throw new AssertionError("priming reached a route");
                })
            .jwtVerifier(TestTokens.verifier())
            .build();

    List<Problem> problems = untouchable.prime();

    assertThat(problems).extracting(Problem::status).containsExactly(404, 400);
    assertThat(problems.get(1).errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("name", "count");
  }

  @Test
  void decodesAValidBodyAndIgnoresUnknownFields() throws Exception {
    var response =
        call(
            ApiEvents.request("POST /orders")
                .json("{\"items\":[{\"productId\":\"p1\",\"quantity\":2}],\"colour\":\"red\"}"));

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("Location", "/orders/1");
    assertThat(json(response).at("/items/0/quantity").asInt()).isEqualTo(2);
  }

  @Test
  void unknownRouteIsA404Problem() throws Exception {
    var response = call(ApiEvents.request("GET /nowhere"));

    assertProblem(response, 404);
  }

  @Test
  void malformedJsonIsA400Problem() throws Exception {
    var response = call(ApiEvents.request("POST /orders").json("{\"items\": ["));

    assertProblem(response, 400);
    assertThat(json(response).get("detail").asText()).startsWith("malformed JSON");
  }

  @Test
  void aWrongTypeNamesTheField() throws Exception {
    var response =
        call(
            ApiEvents.request("POST /orders")
                .json("{\"items\":[{\"productId\":\"p1\",\"quantity\":\"two\"}]}"));

    assertProblem(response, 400);
    assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("items[0].quantity");
    assertThat(json(response).at("/errors/0/message").asText()).isEqualTo("must be an integer");
  }

  @Test
  void aNulCharacterInATextFieldIsA400NamingTheField() throws Exception {
    var response =
        call(
            ApiEvents.request("POST /orders")
                .json("{\"items\":[{\"productId\":\"p\\u00001\",\"quantity\":1}]}"));

    assertProblem(response, 400);
    assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("items[0].productId");
    assertThat(json(response).at("/errors/0/message").asText())
        .isEqualTo("must not contain a NUL character");
  }

  @Test
  void aFloatIsNotAnInteger() throws Exception {
    var response =
        call(
            ApiEvents.request("POST /orders")
                .json("{\"items\":[{\"productId\":\"p1\",\"quantity\":1.5}]}"));

    assertProblem(response, 400);
    assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("items[0].quantity");
  }

  @Test
  void constraintViolationsNameEveryField() throws Exception {
    var response =
        call(
            ApiEvents.request("POST /orders")
                .json("{\"items\":[{\"productId\":\"\",\"quantity\":0}]}"));

    assertProblem(response, 400);
    assertThat(json(response).get("errors").findValuesAsText("field"))
        .containsExactly("items[0].productId", "items[0].quantity");
  }

  @Test
  void aMissingBodyIsA400() throws Exception {
    var response = call(ApiEvents.request("POST /orders").body("application/json", null));

    assertProblem(response, 400);
  }

  @Test
  void aNonJsonContentTypeIsA415() throws Exception {
    var response = call(ApiEvents.request("POST /orders").body("text/plain", "items=1"));

    assertProblem(response, 415);
  }

  @Test
  void anOversizedBodyIsA413() throws Exception {
    var response =
        call(ApiEvents.request("POST /orders").json("{\"note\":\"" + "x".repeat(2000) + "\"}"));

    assertProblem(response, 413);
  }

  @Test
  void readsBase64EncodedBodies() throws Exception {
    String body = "{\"items\":[{\"productId\":\"p1\",\"quantity\":3}]}";
    var event = ApiEvents.request("POST /orders").json(body).build();
    event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);

    var response = api.handle(event);

    assertThat(response.getStatusCode()).isEqualTo(201);
  }

  @Test
  void anOutOfRangeQueryParameterIsNamed() throws Exception {
    var response = call(ApiEvents.request("GET /products").query("limit", "500"));

    assertProblem(response, 400);
    assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("limit");
    assertThat(call(ApiEvents.request("GET /products").query("limit", "abc")).getStatusCode())
        .isEqualTo(400);
    assertThat(json(call(ApiEvents.request("GET /products"))).get("limit").asInt()).isEqualTo(20);
  }

  @Test
  void mapsDomainExceptions() throws Exception {
    var response = call(ApiEvents.request("GET /stock"));

    assertProblem(response, 409);
    assertThat(json(response).get("detail").asText()).isEqualTo("mug is out of stock");
  }

  @Test
  void aPathOrQueryParameterWithAControlCharacterIsA400() throws Exception {
    var nulInPath = call(ApiEvents.request("GET /items/{id}").path("id", "a\u0000b"));
    var nulInQuery =
        call(ApiEvents.request("GET /items/{id}").path("id", "a").query("q", "x\u0000"));

    assertProblem(nulInPath, 400);
    assertThat(json(nulInPath).at("/errors/0/field").asText()).isEqualTo("id");
    assertProblem(nulInQuery, 400);
    assertThat(call(ApiEvents.request("GET /items/{id}").path("id", "a-b_c.1")).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void aDatabaseThatCannotServeIsA503ToRetry() throws Exception {
    for (String route : List.of("GET /db", "GET /slow", "GET /restarting")) {
      var response = call(ApiEvents.request(route));

      assertProblem(response, 503);
      assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
      assertThat(response.getBody()).doesNotContain("administrator", "5000ms");
    }
  }

  @Test
  void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
    var event = ApiEvents.request("GET /boom").build();

    var response = api.handle(event);

    assertProblem(response, 500);
    assertThat(response.getBody()).doesNotContain("secret").doesNotContain("IllegalStateException");
    assertThat(json(response).get("instance").asText())
        .isEqualTo(event.getRequestContext().getRequestId());
  }

  @Test
  void aBearerTokenIdentifiesTheCaller() throws Exception {
    var response = call(ApiEvents.request("GET /me").bearer(TestTokens.customer("u-7")));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(json(response).get("id").asText()).isEqualTo("u-7");
  }

  @Test
  void noTokenIsA401WithAChallenge() throws Exception {
    var response = call(ApiEvents.request("GET /me"));

    assertProblem(response, 401);
    assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
    assertProblem(call(ApiEvents.request("GET /me").header("Authorization", "Basic abc")), 401);
  }

  @Test
  void aMissingRoleIsA403() throws Exception {
    assertProblem(call(ApiEvents.request("GET /admin").bearer(TestTokens.customer("u-7"))), 403);
    assertThat(
            call(ApiEvents.request("GET /admin").bearer(TestTokens.admin("a-1"))).getStatusCode())
        .isEqualTo(200);
    assertProblem(
        call(ApiEvents.request("GET /admin").bearer(TestTokens.staff("a-2", "catalog"))), 403);
  }

  @Test
  void aRoleFromALoginWithoutTheSecondFactorIsA403() throws Exception {
    var response =
        call(ApiEvents.request("GET /admin").bearer(TestTokens.adminWithoutSecondFactor("a-1")));

    assertProblem(response, 403);
    assertThat(json(response).get("detail").asText()).contains("one-time code");
  }

  @Test
  void internalRoutesNeedAnIamCaller() throws Exception {
    assertProblem(
        call(ApiEvents.request("POST /internal/quotes").bearer(TestTokens.admin("a-1"))), 403);

    var signed =
        call(ApiEvents.request("POST /internal/quotes").iam("arn:aws:iam::1:role/transaction"));

    assertThat(signed.getStatusCode()).isEqualTo(200);
    assertThat(json(signed).get("by").asText()).isEqualTo("arn:aws:iam::1:role/transaction");
  }

  @Test
  void answersEveryFailureOfTheSharedKernelWithItsProblem() throws Exception {
    Map<String, Integer> statuses =
        Map.of(
            "invalid", 400,
            "unauthenticated", 401,
            "missing", 404,
            "conflict", 409,
            "stale", 412,
            "rejected", 422,
            "throttled", 429,
            "unavailable", 503);
    for (var expected : statuses.entrySet()) {
      var response =
          call(ApiEvents.request("GET /kernel/{failure}").path("failure", expected.getKey()));
      assertProblem(response, expected.getValue());
    }

    JsonNode invalid =
        json(call(ApiEvents.request("GET /kernel/{failure}").path("failure", "invalid")));
    assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("items[0].quantity");
    assertThat(invalid.get("errors").get(0).get("message").asText()).isEqualTo("is too big");
    assertThat(
            call(ApiEvents.request("GET /kernel/{failure}").path("failure", "throttled"))
                .getHeaders())
        .containsEntry("Retry-After", "90");
    assertThat(
            json(call(ApiEvents.request("GET /kernel/{failure}").path("failure", "missing")))
                .get("detail")
                .asText())
        .isEqualTo("order o-1 not found");
  }

  @Test
  void theCallersOwnAnswersAreNeverCachedThePublicOnesMayBe() {
    var mine = call(ApiEvents.request("GET /me").bearer(TestTokens.customer("u-1")));
    var refused = call(ApiEvents.request("GET /me").bearer("not-a-token"));
    var login = call(ApiEvents.request("POST /auth/login").json("{}"));
    var catalogue = call(ApiEvents.request("GET /products"));

    assertThat(mine.getStatusCode()).isEqualTo(200);
    assertThat(mine.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(refused.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(login.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(catalogue.getHeaders()).doesNotContainKey("Cache-Control");
  }

  @Test
  void mongoDbOutOfReachIsA503TheClientMayRetry() throws Exception {
    var response = call(ApiEvents.request("GET /mongo"));

    assertProblem(response, 503);
    assertThat(response.getHeaders()).containsKey("Retry-After");
  }

  @Test
  void anUnexpectedIllegalArgumentIsA500NotTheClientsFault() throws Exception {
    var response = call(ApiEvents.request("GET /kernel/{failure}").path("failure", "bug"));

    assertProblem(response, 500);
    assertThat(json(response).get("detail").asText())
        .contains("request id")
        .doesNotContain("a bug");
  }

  @Test
  void everyRequestEmitsItsRoutesCountLatencyAndErrorClass() {
    call(ApiEvents.request("GET /items/{id}").path("id", "1"));
    call(ApiEvents.request("GET /stock"));
    call(ApiEvents.request("GET /boom"));
    call(ApiEvents.request("GET /nowhere/{secret}"));

    List<JsonNode> lines = metrics.withMetric("Requests");
    assertThat(lines)
        .extracting(line -> line.get("route").asText())
        .containsExactly("GET /items/{id}", "GET /stock", "GET /boom", "unmatched");
    assertThat(lines)
        .extracting(line -> line.get("Errors4xx").asInt() + "/" + line.get("Errors5xx").asInt())
        .containsExactly("0/0", "1/0", "0/1", "1/0");
    assertThat(lines)
        .allSatisfy(line -> assertThat(line.get("LatencyMs").asDouble()).isNotNegative());
    assertThat(lines.getFirst().at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
        .isEqualTo("[[\"route\"],[]]");
  }

  private APIGatewayV2HTTPResponse call(ApiEvents request) {
    return api.handle(request.build());
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return HttpJson.mapper().readTree(response.getBody());
  }

  private static void assertProblem(APIGatewayV2HTTPResponse response, int status)
      throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
  }
}
