package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.postgres.PostgresDatabase;
import shop.platform.snapstart.Priming;
import shop.platform.testing.EmbeddedDatabase;

/** SnapStart's priming of the cart rows: a made-up cart read from no table, nothing written. */
class PostgresCartsPrimingIT {
  private static EmbeddedDatabase embedded;
  private static PostgresCarts carts;

  @BeforeAll
  static void start() {
    embedded = EmbeddedDatabase.start("classpath:db/user", "classpath:db/platform");
    carts = new PostgresCarts(new PostgresDatabase(embedded.connections()), new PostgresInbox());
  }

  @AfterAll
  static void stop() throws IOException {
    embedded.close();
  }

  @Test
  void primingReadsItsMadeUpCartWritesNoRowAndItsCartIsNoStoredOne() {
    carts.prime();
    Priming.primeAll();

    assertThat(embedded.count("SELECT count(*) FROM cart_items")).isZero();
    assertThat(embedded.count("SELECT count(*) FROM event_inbox")).isZero();
    assertThat(carts.get(PostgresCarts.PRIMING_USER).items()).isEmpty();
  }
}
