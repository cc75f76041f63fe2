package shop.product.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.http.HttpJson;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.RouteContract;
import shop.platform.testing.TestTokens;
import shop.product.ProductModule;
import shop.product.TestStack;
import shop.product.inventory.ReservationLine;
import shop.product.inventory.ReserveOrder;

/** The HTTP API end to end against the Mongo-wire server: contract, rules and refusals. */
class ProductApiIT {
  private static final String ADMIN = TestTokens.admin("admin-1");
  private static final String CUSTOMER = TestTokens.customer("user-1");

  /** Checkout as API Gateway names it: a session of the transaction API's role. */
  private static final String CHECKOUT =
      "arn:aws:sts::000000000000:assumed-role/shop-transaction-api/shop-transaction-api";

  private static TestStack stack;
  private static ProductApi api;

  @BeforeAll
  static void start() {
    stack = TestStack.start();
    api = new ProductApi(stack.module);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void servesExactlyTheRoutesOfItsOpenApiDocument() {
    RouteContract.assertServesExactly("openapi.yaml", api.api());
  }

  @Test
  void createsAProductThatCustomersCanRead() {
    String category = createCategory("Mugs", null).path("id").asText();
    var created =
        call(
            ApiEvents.request("POST /products")
                .bearer(ADMIN)
                .json(productBody(sku(), 1250, 7, List.of(category))));
    assertThat(created.getStatusCode()).isEqualTo(201);
    String id = json(created).path("id").asText();
    assertThat(created.getHeaders()).containsEntry("Location", "/products/" + id);

    JsonNode read = json(call(ApiEvents.request("GET /products/{id}").path("id", id)));
    assertThat(read.path("price").asLong()).isEqualTo(1250);
    assertThat(read.path("currency").asText()).isEqualTo("EUR");
    assertThat(read.path("stock").asInt()).isEqualTo(7);
    assertThat(read.path("version").asLong()).isEqualTo(1);
    assertThat(read.path("categoryIds")).extracting(JsonNode::asText).containsExactly(category);
  }

  @Test
  void pagesWithAnOpaqueCursorThatInsertsDoNotDisturb() {
    String category = createCategory("Paged", null).path("id").asText();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createProduct(sku(), 100 + i, 1, List.of(category)).path("id").asText());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiEvents request =
          ApiEvents.request("GET /products").query("category", category).query("limit", "2");
      if (cursor != null) {
        request.query("cursor", cursor);
      }
      JsonNode page = json(call(request));
      page.path("items").forEach(item -> seen.add(item.path("id").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
      if (pages++ == 0) {
        createProduct(sku(), 999, 1, List.of(category));
      }
    } while (cursor != null);

    assertThat(seen).doesNotHaveDuplicates().containsAll(ids).hasSizeBetween(5, 6);
  }

  @Test
  void searchesNameDescriptionAndSkuAsLiteralTextIgnoringCase() {
    String category = createCategory("Search", null).path("id").asText();
    String sku = sku();
    createProduct(sku, 500, 1, List.of(category));
    createProduct(sku(), 5000, 1, List.of(category));

    assertThat(search(category, Map.of("q", "ENAMEL"))).hasSize(2);
    assertThat(search(category, Map.of("q", sku.toLowerCase()))).hasSize(1);
    assertThat(search(category, Map.of("q", ".*"))).isEmpty();
    assertThat(search(category, Map.of("minPrice", "1000", "maxPrice", "6000"))).hasSize(1);
  }

  @Test
  void refusesATakenSku() {
    String sku = sku();
    createProduct(sku, 100, 1, List.of());

    var again =
        call(
            ApiEvents.request("POST /products")
                .bearer(ADMIN)
                .json(productBody(sku, 1, 1, List.of())));

    assertThat(again.getStatusCode()).isEqualTo(409);
  }

  @Test
  void editsOnlyTheCurrentVersion() {
    String id = createProduct(sku(), 100, 1, List.of()).path("id").asText();

    var edited =
        call(
            ApiEvents.request("PATCH /products/{id}")
                .path("id", id)
                .bearer(ADMIN)
                .header("If-Match", "\"1\"")
                .json(Map.of("name", "Blue mug", "price", 1400)));
    var stale =
        call(
            ApiEvents.request("PATCH /products/{id}")
                .path("id", id)
                .bearer(ADMIN)
                .header("If-Match", "\"1\"")
                .json(Map.of("name", "Red mug")));

    assertThat(edited.getStatusCode()).isEqualTo(200);
    assertThat(json(edited).path("version").asLong()).isEqualTo(2);
    assertThat(edited.getHeaders()).containsEntry("ETag", "\"2\"");
    assertThat(stale.getStatusCode()).isEqualTo(412);
    assertThat(
            json(call(ApiEvents.request("GET /products/{id}").path("id", id)))
                .path("name")
                .asText())
        .isEqualTo("Blue mug");
  }

  @Test
  void archivedProductsAreGoneForCustomers() {
    String id = createProduct(sku(), 100, 1, List.of()).path("id").asText();

    var deleted = call(ApiEvents.request("DELETE /products/{id}").path("id", id).bearer(ADMIN));

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(call(ApiEvents.request("GET /products/{id}").path("id", id)).getStatusCode())
        .isEqualTo(404);
    assertThat(
            call(ApiEvents.request("GET /products/{id}").path("id", "0123456789abcdef01234567"))
                .getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void stockCannotGoBelowWhatOrdersHold() {
    String id = createProduct(sku(), 100, 10, List.of()).path("id").asText();
    stack
        .module
        .reserveStock()
        .reserve(
            new ReserveOrder(UUID.randomUUID().toString(), List.of(new ReservationLine(id, 4)), 2));

    var tooLow = setStock(id, 3);
    var fine = setStock(id, 6);

    assertThat(tooLow.getStatusCode()).isEqualTo(409);
    assertThat(fine.getStatusCode()).isEqualTo(200);
    assertThat(json(fine).path("stock").asInt()).isEqualTo(2);
  }

  @Test
  void aCategoryInUseCannotBeDeleted() {
    JsonNode parent = createCategory("Kitchen", null);
    JsonNode child = createCategory("Cups", parent.path("id").asText());
    createProduct(sku(), 100, 1, List.of(child.path("id").asText()));
    JsonNode unused = createCategory("Unused", null);

    assertThat(child.path("parentId").asText()).isEqualTo(parent.path("id").asText());
    assertThat(deleteCategory(parent.path("id").asText()).getStatusCode()).isEqualTo(409);
    assertThat(deleteCategory(child.path("id").asText()).getStatusCode()).isEqualTo(409);
    assertThat(deleteCategory(unused.path("id").asText()).getStatusCode()).isEqualTo(204);
    assertThat(json(call(ApiEvents.request("GET /categories"))).path("items").toString())
        .contains(parent.path("id").asText())
        .doesNotContain(unused.path("id").asText());
  }

  @Test
  void quotesAWholeCartForSignedServicesOnly() {
    JsonNode mug = createProduct(sku(), 1250, 3, List.of());
    String archived = createProduct(sku(), 100, 1, List.of()).path("id").asText();
    call(ApiEvents.request("DELETE /products/{id}").path("id", archived).bearer(ADMIN));
    Map<String, Object> cart =
        Map.of(
            "items",
            List.of(
                Map.of("productId", mug.path("id").asText(), "quantity", 2),
                Map.of("productId", mug.path("id").asText(), "quantity", 4),
                Map.of("productId", archived, "quantity", 1),
                Map.of("productId", "0123456789abcdef01234567", "quantity", 1)));

    var quoted = call(ApiEvents.request("POST /internal/price-quotes").iam(CHECKOUT).json(cart));
    var asCustomer =
        call(ApiEvents.request("POST /internal/price-quotes").bearer(CUSTOMER).json(cart));

    JsonNode quotes = json(quoted).path("quotes");
    assertThat(quotes).hasSize(4);
    assertThat(quotes.get(0).path("unitPrice").asLong()).isEqualTo(1250);
    assertThat(quotes.get(0).path("sku").asText()).isEqualTo(mug.path("sku").asText());
    assertThat(quotes.get(0).path("availableStock").asInt()).isEqualTo(3);
    assertThat(quotes.get(0).path("available").asBoolean()).isTrue();
    assertThat(quotes.get(1).path("available").asBoolean()).isFalse();
    assertThat(quotes.get(2).path("status").asText()).isEqualTo("ARCHIVED");
    assertThat(quotes.get(3).path("status").asText()).isEqualTo("UNKNOWN_PRODUCT");
    assertThat(asCustomer.getStatusCode()).isEqualTo(403);
  }

  @Test
  void anotherServicesSignedRoleMayNotAskForPriceQuotes() {
    Map<String, Object> cart =
        Map.of("items", List.of(Map.of("productId", "0123456789abcdef01234567", "quantity", 1)));
    for (String signer :
        List.of(
            "arn:aws:sts::000000000000:assumed-role/shop-user-api/shop-user-api",
            "arn:aws:sts::111111111111:assumed-role/shop-transaction-api/shop-transaction-api",
            "arn:aws:iam::000000000000:user/someone")) {
      var refused = call(ApiEvents.request("POST /internal/price-quotes").iam(signer).json(cart));
      assertThat(refused.getStatusCode()).as(signer).isEqualTo(403);
      assertThat(refused.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
      assertThat(json(refused).path("detail").asText())
          .isEqualTo("this caller may not ask for price quotes");
    }
  }

  @Test
  void adminRoutesNeedTheCatalogRoleFromALoginWithAOneTimeCode() {
    var anonymous =
        call(ApiEvents.request("POST /products").json(productBody(sku(), 1, 1, List.of())));
    var customer =
        call(
            ApiEvents.request("POST /products")
                .bearer(CUSTOMER)
                .json(productBody(sku(), 1, 1, List.of())));

    var ordersStaff =
        call(
            ApiEvents.request("POST /products")
                .bearer(TestTokens.staff("s-1", "orders"))
                .json(productBody(sku(), 1, 1, List.of())));
    var passwordOnly =
        call(
            ApiEvents.request("POST /products")
                .bearer(TestTokens.adminWithoutSecondFactor("s-2"))
                .json(productBody(sku(), 1, 1, List.of())));
    var catalogStaff =
        call(
            ApiEvents.request("POST /products")
                .bearer(TestTokens.staff("s-3", "catalog"))
                .json(productBody(sku(), 1, 1, List.of())));

    assertThat(anonymous.getStatusCode()).isEqualTo(401);
    assertThat(customer.getStatusCode()).isEqualTo(403);
    assertThat(ordersStaff.getStatusCode()).isEqualTo(403);
    assertThat(passwordOnly.getStatusCode()).isEqualTo(403);
    assertThat(catalogStaff.getStatusCode()).isEqualTo(201);
  }

  @Test
  void ignoresUnknownFields() {
    Map<String, Object> body = new java.util.HashMap<>(productBody(sku(), 100, 1, List.of()));
    body.put("colour", "blue");

    assertThat(call(ApiEvents.request("POST /products").bearer(ADMIN).json(body)).getStatusCode())
        .isEqualTo(201);
  }

  @Test
  void refusesBadProductsNamingTheFieldAndWritesNothing() {
    String sku = sku();
    assertRefused(
        create("{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"price\":\"12\",\"currency\":\"EUR\"}"),
        400,
        "price");
    assertRefused(
        create("{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"price\":12.5,\"currency\":\"EUR\"}"),
        400,
        "price");
    assertRefused(create(productJson(sku, "Mug", 0, "EUR", 1)), 400, "price");
    assertRefused(create(productJson(sku, "x".repeat(201), 100, "EUR", 1)), 400, "name");
    assertRefused(create(productJson(sku, " ", 100, "EUR", 1)), 400, "name");
    assertRefused(create(productJson(sku, "Mug", 100, "EURO", 1)), 400, "currency");
    assertRefused(create(productJson(sku, "Mug", 100, "EUR", -1)), 400, "stock");
    assertRefused(create(productJson("bad sku!", "Mug", 100, "EUR", 1)), 400, "sku");
    assertRefused(
        create(
            "{\"sku\":\""
                + sku
                + "\",\"name\":\"Mug\",\"price\":1,\"currency\":\"EUR\",\"categoryIds\":[\"nope\"]}"),
        400,
        "categoryIds");
    assertRefused(create("{\"sku\":"), 400, null);
    assertRefused(create("{\"name\":\"" + "x".repeat(70_000) + "\"}"), 413, null);

    assertThat(search(null, Map.of("q", sku))).isEmpty();
  }

  @Test
  void refusesBadQueriesNamingTheParameter() {
    assertRefused(call(ApiEvents.request("GET /products").query("limit", "0")), 400, "limit");
    assertRefused(call(ApiEvents.request("GET /products").query("limit", "101")), 400, "limit");
    assertRefused(call(ApiEvents.request("GET /products").query("limit", "ten")), 400, "limit");
    assertRefused(
        call(ApiEvents.request("GET /products").query("cursor", "garbage!")), 400, "cursor");
    assertRefused(
        call(ApiEvents.request("GET /products").query("cursor", "cDE6Li4vLi4vZXRj")),
        400,
        "cursor");
    assertRefused(
        call(ApiEvents.request("GET /products").query("minPrice", "-1")), 400, "minPrice");
    assertRefused(
        call(ApiEvents.request("GET /products").query("minPrice", "9").query("maxPrice", "1")),
        400,
        "maxPrice");
    assertRefused(call(ApiEvents.request("GET /products/{id}").path("id", "../etc")), 400, "id");
    assertRefused(
        call(
            ApiEvents.request("PATCH /products/{id}")
                .path("id", "0123456789abcdef01234567")
                .bearer(ADMIN)
                .header("If-Match", "yesterday")
                .json(Map.of("name", "x"))),
        400,
        "If-Match");
    assertRefused(
        call(
            ApiEvents.request("POST /internal/price-quotes")
                .iam(CHECKOUT)
                .json(Map.of("items", List.of(Map.of("productId", "a1", "quantity", 0))))),
        400,
        "items[0].quantity");
    assertRefused(
        call(
            ApiEvents.request("POST /internal/price-quotes")
                .iam(CHECKOUT)
                .json("{\"items\":[{\"productId\":\"a1\",\"quantity\":\"two\"}]}")),
        400,
        "items[0].quantity");
    assertRefused(
        call(
            ApiEvents.request("POST /internal/price-quotes")
                .iam(CHECKOUT)
                .json(Map.of("items", List.of()))),
        400,
        "items");
  }

  private static void assertRefused(APIGatewayV2HTTPResponse response, int status, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    if (field != null) {
      assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
  }

  private static APIGatewayV2HTTPResponse create(String body) {
    return call(ApiEvents.request("POST /products").bearer(ADMIN).json(body));
  }

  private static String productJson(
      String sku, String name, long price, String currency, int stock) {
    return "{\"sku\":\"%s\",\"name\":\"%s\",\"price\":%d,\"currency\":\"%s\",\"stock\":%d}"
        .formatted(sku, name, price, currency, stock);
  }

  private static List<JsonNode> search(String category, Map<String, String> params) {
    ApiEvents request = ApiEvents.request("GET /products").query("limit", "100");
    if (category != null) {
      request.query("category", category);
    }
    params.forEach(request::query);
    var response = call(request);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    json(response).path("items").forEach(items::add);
    return items;
  }

  private static APIGatewayV2HTTPResponse setStock(String id, int stock) {
    return call(
        ApiEvents.request("PUT /products/{id}/stock")
            .path("id", id)
            .bearer(ADMIN)
            .json(Map.of("stock", stock)));
  }

  private static APIGatewayV2HTTPResponse deleteCategory(String id) {
    return call(ApiEvents.request("DELETE /categories/{id}").path("id", id).bearer(ADMIN));
  }

  private static JsonNode createCategory(String name, String parentId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name);
    if (parentId != null) {
      body.put("parentId", parentId);
    }
    var response = call(ApiEvents.request("POST /categories").bearer(ADMIN).json(body));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }

  private static JsonNode createProduct(
      String sku, long price, int stock, List<String> categories) {
    var response =
        call(
            ApiEvents.request("POST /products")
                .bearer(ADMIN)
                .json(productBody(sku, price, stock, categories)));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }

  private static Map<String, Object> productBody(
      String sku, long price, int stock, List<String> categories) {
    return Map.of(
        "sku", sku,
        "name", "Enamel mug",
        "description", "A mug for camping",
        "price", price,
        "currency", "EUR",
        "stock", stock,
        "categoryIds", categories);
  }

  private static String sku() {
    return "MUG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @Test
  void anUnreachableStoreIsA503ToRetryNotA500() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ProductModule unreachable =
        new ProductModule(
            stack.config.with(
                Map.of(
                    "MONGODB_URI",
                    "mongodb://127.0.0.1:" + closedPort + "/?serverSelectionTimeoutMS=300")),
            TestTokens.verifier(),
            java.time.Clock.systemUTC());

    APIGatewayV2HTTPResponse response =
        ContractCheck.of("openapi.yaml")
            .around(new ProductApi(unreachable))
            .handleRequest(ApiEvents.request("GET /products").build(), null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
    assertThat(response.getHeaders())
        .containsEntry("Content-Type", "application/problem+json")
        .containsEntry("Retry-After", "1");
  }

  static APIGatewayV2HTTPResponse call(ApiEvents request) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(request.build(), null);
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return HttpJson.mapper().readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
