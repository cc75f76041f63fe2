package shop.bench;

import java.util.ArrayList;
import java.util.List;
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
    List<String> ids = new ArrayList<>(client.productIds(100));
    for (int i = ids.size(); i < products; i++) {
      ids.add(client.createProduct(admin, "BENCH-" + i, "Bench item " + i, 1000 + i));
    }
    List<String> productIds = List.copyOf(ids.subList(0, products));
    productIds.forEach(id -> client.setStock(admin, id, STOCK));
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
