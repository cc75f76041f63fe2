package shop.transaction.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.outbox.OutboxWriter;
import shop.platform.postgres.PostgresDatabase;
import shop.platform.snapstart.Priming;
import shop.platform.testing.EmbeddedDatabase;
import shop.transaction.order.Order;

/** SnapStart's priming of the orders' rows: a made-up order read from no table, nothing written. */
class PostgresOrdersPrimingIT {
  private static EmbeddedDatabase embedded;
  private static PostgresDatabase database;
  private static PostgresOrders orders;

  @BeforeAll
  static void start() {
    embedded = EmbeddedDatabase.start("classpath:db/transaction", "classpath:db/platform");
    database = new PostgresDatabase(embedded.connections());
    orders = new PostgresOrders(database, new OutboxWriter(), new PostgresInbox());
  }

  @AfterAll
  static void stop() throws IOException {
    embedded.close();
  }

  @Test
  void primingReadsItsMadeUpOrderThroughEveryColumnAndLine() {
    List<Order> read = database.run(OrderRows::primingRead).orElseThrow();

    assertThat(read)
        .singleElement()
        .satisfies(
            order -> {
              assertThat(order.id()).isEqualTo(OrderRows.PRIMING_ORDER_ID);
              assertThat(order.lines()).hasSize(1);
              assertThat(order.total().amount()).isEqualTo(1);
              assertThat(order.total().currency()).isEqualTo("EUR");
              assertThat(order.customer().email()).isEqualTo("priming@invalid");
              assertThat(order.fulfilment().capturedAmount()).isZero();
            });
  }

  @Test
  void primingWritesNoRowAndItsOrderIsNoStoredOne() {
    orders.prime();
    Priming.primeAll();

    for (String table :
        List.of("orders", "order_lines", "order_history", "event_outbox", "event_inbox")) {
      assertThat(embedded.count("SELECT count(*) FROM " + table)).as(table).isZero();
    }
    assertThat(orders.find(OrderRows.PRIMING_ORDER_ID)).isEmpty();
  }
}
