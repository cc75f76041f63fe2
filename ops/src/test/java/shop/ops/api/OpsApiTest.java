package shop.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.ops.OpsModule;
import shop.platform.config.Config;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.RouteContract;
import shop.platform.testing.TestTokens;

class OpsApiTest {
  private final OpsApi api =
      new OpsApi(
          new OpsModule(
              new Config(
                  Map.of(
                      "AWS_REGION", "eu-west-1",
                      "AWS_ACCESS_KEY_ID", "test",
                      "AWS_SECRET_ACCESS_KEY", "test",
                      "AWS_ENDPOINT_URL", "http://127.0.0.1:9")),
              TestTokens.verifier()));

  @Test
  void servesExactlyTheDocumentedRoutes() {
    RouteContract.assertServesExactly("openapi.yaml", api.api());
  }

  @Test
  void onlyAdminsMayUseIt() {
    var anonymous =
        ContractCheck.of("openapi.yaml")
            .around(api)
            .handleRequest(ApiEvents.request("GET /admin/dlqs").build(), null);
    var customer =
        ContractCheck.of("openapi.yaml")
            .around(api)
            .handleRequest(
                ApiEvents.request("GET /admin/dlqs").bearer(TestTokens.customer("u-1")).build(),
                null);
    var replay =
        ContractCheck.of("openapi.yaml")
            .around(api)
            .handleRequest(
                ApiEvents.request("POST /admin/dlqs/{consumer}/replay")
                    .path("consumer", "inventory")
                    .bearer(TestTokens.customer("u-1"))
                    .json(Map.of())
                    .build(),
                null);

    assertThat(anonymous.getStatusCode()).isEqualTo(401);
    assertThat(customer.getStatusCode()).isEqualTo(403);
    assertThat(replay.getStatusCode()).isEqualTo(403);
  }

  @Test
  void itNeedsTheOpsRoleFromALoginWithAOneTimeCode() {
    var catalogStaff =
        api.handleRequest(
            ApiEvents.request("GET /admin/dlqs").bearer(TestTokens.staff("s-1", "catalog")).build(),
            null);
    var passwordOnly =
        api.handleRequest(
            ApiEvents.request("GET /admin/audit")
                .bearer(TestTokens.adminWithoutSecondFactor("s-2"))
                .build(),
            null);
    var ops =
        api.handleRequest(
            ApiEvents.request("GET /admin/audit").bearer(TestTokens.staff("s-3", "ops")).build(),
            null);

    assertThat(catalogStaff.getStatusCode()).isEqualTo(403);
    assertThat(passwordOnly.getStatusCode()).isEqualTo(403);
    assertThat(ops.getStatusCode()).isNotIn(401, 403);
  }

  @Test
  void aBadTimeIsNamed() {
    var response =
        asAdmin(
            ApiEvents.request("GET /admin/dlqs/{consumer}/messages")
                .path("consumer", "inventory")
                .query("since", "yesterday"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("since");
  }

  @Test
  void aLimitOutOfRangeIsNamed() {
    var response = asAdmin(ApiEvents.request("GET /admin/audit").query("limit", "0"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("limit");
  }

  @Test
  void aRateOutOfRangeIsNamed() {
    var response =
        asAdmin(
            ApiEvents.request("POST /admin/dlqs/{consumer}/replay")
                .path("consumer", "inventory")
                .json(Map.of("rate", 501)));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("rate");
  }

  @Test
  void anUnknownConsumerIsNotFoundAndTheKnownOnesAreNamed() {
    var response =
        asAdmin(ApiEvents.request("GET /admin/dlqs/{consumer}/messages").path("consumer", "stock"));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getBody()).contains("no consumer named 'stock'", "inventory");
  }

  private APIGatewayV2HTTPResponse asAdmin(ApiEvents request) {
    return ContractCheck.of("openapi.yaml")
        .around(api)
        .handleRequest(request.bearer(TestTokens.admin("a-1")).build(), null);
  }
}
