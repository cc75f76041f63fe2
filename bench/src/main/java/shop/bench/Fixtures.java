package shop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the load needs before it starts: customers with a saved card (and their tokens), users to
 * log in as, and {@code products} products whose stock the admin raised so checkout never runs out.
 */
record Fixtures(
    String adminToken, List<String> tokens, List<String> loginEmails, List<String> productIds) {
  private static final int STOCK = 1_000_000;

  static Fixtures prepare(ShopClient client, int customers, int loginUsers, int products) {
    String admin = client.adminToken();
    List<String> ids = new ArrayList<>();
    client
        .call(client.get("/products?limit=100", null))
        .path("items")
        .forEach(p -> ids.add(p.path("id").asText()));
    for (int i = ids.size(); i < products; i++) {
      JsonNode created =
          client.call(
              client.post(
                  "/products",
                  admin,
                  Map.of(
                      "sku",
                      "BENCH-" + i,
                      "name",
                      "Bench item " + i,
                      "price",
                      1000 + i,
                      "currency",
                      "EUR")));
      ids.add(created.path("id").asText());
    }
    List<String> productIds = List.copyOf(ids.subList(0, products));
    productIds.forEach(
        id -> client.call(client.put("/products/" + id + "/stock", admin, Map.of("stock", STOCK))));
    List<String> tokens =
        IntStream.range(0, customers)
            .mapToObj(i -> client.register("bench-customer" + i + "@example.com"))
            .toList();
    tokens.forEach(client::saveVisa);
    List<String> emails =
        IntStream.range(0, loginUsers).mapToObj(i -> "bench-login" + i + "@example.com").toList();
    emails.forEach(client::register);
    return new Fixtures(admin, tokens, emails, productIds);
  }
}
