package shop.platform.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreConnectionTest {
  /** A client of a store: its databases, a query, and whether it was closed. */
  interface Client extends AutoCloseable {
    Database database(String name);

    @Override
    void close();
  }

  interface Database {
    String query(String sql);
  }

  /** Opens numbered clients and remembers them. */
  static final class Store {
    final List<FakeClient> opened = new ArrayList<>();

    FakeClient open() {
      FakeClient client = new FakeClient(opened.size() + 1);
      opened.add(client);
      return client;
    }
  }

  static final class FakeClient implements Client {
    final int number;
    boolean closed;

    FakeClient(int number) {
      this.number = number;
    }

    @Override
    public Database database(String name) {
      return sql -> {
        if (closed) {
          throw new IllegalStateException("client " + number + " is closed");
        }
        return name + ": " + sql + " on client " + number;
      };
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void primingUsesTheStoreThenClosesItAndTheNextCallOpensItAgain() {
    Store store = new Store();
    StoreConnection<FakeClient> connection = StoreConnection.of("fake store", store::open);
    Database shop = connection.view(Database.class, c -> c.database("shop"));
    List<String> primed = new ArrayList<>();
    Priming.Primer primer = Priming.register("a read", () -> primed.add(shop.query("SELECT 1")));
    assertThat(store.opened).as("nothing is opened at construction").isEmpty();

    Priming.primeAll();

    assertThat(primed).containsExactly("shop: SELECT 1 on client 1");
    assertThat(store.opened).hasSize(1);
    assertThat(store.opened.get(0).closed).as("closed before the snapshot").isTrue();
    assertThat(connection.isOpen()).isFalse();

    assertThat(shop.query("SELECT 2")).isEqualTo("shop: SELECT 2 on client 2");
    assertThat(store.opened.get(1).closed).isFalse();
    assertThat(primer).isNotNull();
  }

  @Test
  void whatAViewHandsOutFollowsTheOpenClient() {
    Store store = new Store();
    StoreConnection<FakeClient> connection = StoreConnection.of("fake store", store::open);
    Client client = connection.view(Client.class, c -> c, Database.class);
    Database kept = client.database("orders");
    assertThat(kept.query("a")).isEqualTo("orders: a on client 1");

    connection.close();

    assertThat(kept.query("b")).isEqualTo("orders: b on client 2");
    client.close();
    assertThat(store.opened.get(1).closed).as("close() on a view closes the connection").isTrue();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void aViewThrowsWhatTheClientThrew() {
    AtomicInteger opened = new AtomicInteger();
    StoreConnection<Database> connection =
        StoreConnection.of(
            "failing store",
            () -> {
              opened.incrementAndGet();
              return sql -> {
                throw new UnsupportedOperationException("no " + sql);
              };
            },
            d -> {});
    Database view = connection.view(Database.class, d -> d);

    assertThatThrownBy(() -> view.query("x"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("no x");
    assertThat(opened).hasValue(1);
    assertThat(view.toString()).isEqualTo("Database of failing store");
  }
}
