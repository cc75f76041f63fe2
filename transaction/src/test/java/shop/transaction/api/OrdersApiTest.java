package shop.transaction.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.http.HttpJson;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.RouteContract;
import shop.platform.testing.TestTokens;
import shop.transaction.TestModules;

/** The HTTP edge without a database: everything here is refused before any use case runs. */
class OrdersApiTest {
  private final OrdersApi api = new OrdersApi(TestModules.offline());

  @Test
  void servesExactlyTheRoutesOfOpenApiYaml() {
    RouteContract.assertServesExactly("openapi.yaml", api.api());
  }

  @Test
  void checkoutNeedsAnIdempotencyKey() throws Exception {
    var response =
        call(ApiEvents.request("POST /orders").bearer(TestTokens.customer("u1")).json(order(2)));

    assertProblem(response, 400, "Idempotency-Key");
  }

  @Test
  void checkoutNeedsAToken() throws Exception {
    var response =
        call(ApiEvents.request("POST /orders").header("Idempotency-Key", "k").json(order(2)));

    assertThat(response.getStatusCode()).isEqualTo(401);
  }

  @Test
  void quantitiesAreOneToAThousand() throws Exception {
    assertProblem(checkout(order(0)), 400, "items[0].quantity");
    assertProblem(checkout(order(1001)), 400, "items[0].quantity");
  }

  @Test
  void anOrderHasAtMostAHundredLines() throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      items.add(Map.of("productId", "p" + i, "quantity", 1));
    }
    Map<String, Object> body = new java.util.HashMap<>(order(1));
    body.put("items", items);

    assertProblem(checkout(body), 400, "items");
  }

  @Test
  void aProductListedTwiceIsRefused() throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(order(1));
    body.put(
        "items",
        List.of(
            Map.of("productId", "p1", "quantity", 1), Map.of("productId", "p1", "quantity", 2)));

    assertProblem(checkout(body), 400, "items[1].productId");
  }

  @Test
  void aMissingAddressFieldIsNamed() throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(order(1));
    body.put("shippingAddress", Map.of("name", "Ada", "line1", "1 St", "city", "London"));

    var response = checkout(body);

    assertProblem(response, 400, "shippingAddress.postalCode");
  }

  @Test
  void aQuantityThatIsNotAnIntegerIsNamed() throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(order(1));
    body.put("items", List.of(Map.of("productId", "p1", "quantity", "two")));

    assertProblem(checkout(body), 400, "items[0].quantity");
  }

  @Test
  void theAdminListingNeedsTheAdminRole() throws Exception {
    var response = call(ApiEvents.request("GET /admin/orders").bearer(TestTokens.customer("u1")));

    assertThat(response.getStatusCode()).isEqualTo(403);
  }

  @Test
  void theAdminListingNeedsTheOrdersRoleFromALoginWithAOneTimeCode() throws Exception {
    var catalog =
        call(ApiEvents.request("GET /admin/orders").bearer(TestTokens.staff("s1", "catalog")));
    var passwordOnly =
        call(
            ApiEvents.request("GET /admin/orders")
                .bearer(TestTokens.adminWithoutSecondFactor("s2")));

    assertThat(catalog.getStatusCode()).isEqualTo(403);
    assertThat(passwordOnly.getStatusCode()).isEqualTo(403);
  }

  @Test
  void anUnknownStatusFilterIsNamed() throws Exception {
    var response =
        call(
            ApiEvents.request("GET /admin/orders")
                .query("status", "LOST")
                .bearer(TestTokens.admin("a1")));

    assertProblem(response, 400, "status");
  }

  private APIGatewayV2HTTPResponse checkout(Object body) {
    return call(
        ApiEvents.request("POST /orders")
            .bearer(TestTokens.customer("u1"))
            .header("Idempotency-Key", "k1")
            .json(body));
  }

  private APIGatewayV2HTTPResponse call(ApiEvents event) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(event.build(), null);
  }

  static Map<String, Object> order(int quantity) {
    return Map.of(
        "items",
        List.of(Map.of("productId", "p1", "quantity", quantity)),
        "paymentMethodId",
        "pm_card_visa",
        "shippingAddress",
        Map.of(
            "name", "Ada Lovelace",
            "line1", "1 Analytical St",
            "city", "London",
            "postalCode", "N1 9GU",
            "country", "GB"));
  }

  static void assertProblem(APIGatewayV2HTTPResponse response, int status, String field)
      throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode problem = HttpJson.mapper().readTree(response.getBody());
    assertThat(problem.findValuesAsText("field")).as(response.getBody()).contains(field);
  }
}
