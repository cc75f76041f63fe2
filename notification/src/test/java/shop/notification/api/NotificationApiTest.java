package shop.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.notification.NotificationModule;
import shop.platform.config.Config;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.RouteContract;
import shop.platform.testing.TestTokens;

class NotificationApiTest {
  private static final Config CONFIG =
      new Config(
          Map.of(
              "AWS_REGION", "eu-west-1",
              "AWS_ACCESS_KEY_ID", "test",
              "AWS_SECRET_ACCESS_KEY", "test",
              "AWS_ENDPOINT_URL", "http://localhost:9",
              "NOTIFICATIONS_TABLE", "shop-notifications"));

  private final NotificationApi api =
      new NotificationApi(new NotificationModule(CONFIG, TestTokens.verifier()));

  @Test
  void servesExactlyTheRoutesOfItsOpenApiDocument() {
    RouteContract.assertServesExactly("openapi.yaml", api.api());
  }

  @Test
  void needsABearerToken() {
    assertThat(call(ApiEvents.request("GET /notifications").build()).getStatusCode())
        .isEqualTo(401);
  }

  @Test
  void refusesAnOrdersLogToCustomers() {
    var response =
        call(
            ApiEvents.request("GET /admin/notifications")
                .query("orderId", "o-1")
                .bearer(TestTokens.customer("u-1"))
                .build());

    assertThat(response.getStatusCode()).isEqualTo(403);
  }

  @Test
  void needsAnOrderIdForAnOrdersLog() {
    var response =
        call(
            ApiEvents.request("GET /admin/notifications")
                .bearer(TestTokens.admin("admin-1"))
                .build());

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("orderId");
  }

  @Test
  void refusesALimitOutOfRange() {
    var response =
        call(
            ApiEvents.request("GET /notifications")
                .query("limit", "1000")
                .bearer(TestTokens.customer("u-1"))
                .build());

    assertThat(response.getStatusCode()).isEqualTo(400);
  }

  /** Through the handler, checked against openapi.yaml. */
  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(request, null);
  }
}
