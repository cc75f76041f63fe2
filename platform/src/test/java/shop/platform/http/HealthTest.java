package shop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.TestTokens;

class HealthTest {
  private final CountDownLatch never = new CountDownLatch(1);
  private final Map<String, Runnable> checks = new LinkedHashMap<>();

  private HttpApi api() {
    return new Health("product", checks, Duration.ofMillis(300))
        .routes(HttpApi.builder().jwtVerifier(TestTokens.verifier()))
        .build();
  }

  @Test
  void livenessIsPublicAndTouchesNoDependency() throws Exception {
    checks.put(
        "database",
        () -> {
          throw new AssertionError("liveness checked a dependency");
        });

    var response = api().handle(ApiEvents.request("GET /health/product").build());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("live");
  }

  @Test
  void readinessChecksEveryDependencyForStaff() throws Exception {
    checks.put("database", () -> {});
    checks.put("failures-table", () -> {});

    var response = ready(TestTokens.staff("u-1", "catalog"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(json(response).at("/checks/database").asText()).isEqualTo("ok");
    assertThat(json(response).at("/checks/failures-table").asText()).isEqualTo("ok");
  }

  @Test
  void readinessAnswers503NamingTheDependenciesThatFailedOrDidNotAnswerInTime() throws Exception {
    checks.put("database", () -> {});
    checks.put(
        "mongodb",
        () -> {
          throw new IllegalStateException("connection refused");
        });
    checks.put(
        "failures-table",
        () -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    var response = ready(TestTokens.admin("u-1"));

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(json(response).get("detail").asText())
        .contains("mongodb (IllegalStateException)", "failures-table (timeout)")
        .doesNotContain("database");
  }

  @Test
  void readinessIsForStaffOnly() {
    checks.put("database", () -> {});

    assertThat(api().handle(ApiEvents.request("GET /health/product/ready").build()).getStatusCode())
        .isEqualTo(401);
    assertThat(ready(TestTokens.customer("u-1")).getStatusCode()).isEqualTo(403);
    assertThat(ready(TestTokens.adminWithoutSecondFactor("u-1")).getStatusCode()).isEqualTo(403);
  }

  private APIGatewayV2HTTPResponse ready(String token) {
    return api().handle(ApiEvents.request("GET /health/product/ready").bearer(token).build());
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return HttpJson.mapper().readTree(response.getBody());
  }
}
