package shop.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.snapstart.Priming;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.TestTokens;

/**
 * SnapStart's priming of the whole service (the orders API's read, the JWT, the payment consumer's
 * samples, the orders' rows): nothing is written or published, and the first calls then work.
 */
class TransactionPrimingIT {
  private static TransactionServers servers;

  @BeforeAll
  static void start() {
    servers = TransactionServers.start();
  }

  @AfterAll
  static void stop() throws IOException {
    servers.close();
  }

  @Test
  void primingWritesAndPublishesNothingAndTheFirstRequestsThenWork() {
    int published = servers.bus.requests();

    Priming.primeAll();

    for (String table :
        List.of("orders", "order_lines", "order_history", "event_outbox", "event_inbox")) {
      assertThat(servers.count("SELECT count(*) FROM " + table)).as(table).isZero();
    }
    assertThat(servers.bus.requests()).as("requests to the bus").isEqualTo(published);

    var page =
        servers.call(ApiEvents.request("GET /orders").bearer(TestTokens.customer("u-primed")));
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(servers.json(page.getBody()).get("items")).isEmpty();
  }
}
