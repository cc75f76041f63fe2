package shop.user.adapter;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.postgres.PostgresDatabase;
import shop.platform.snapstart.Priming;
import shop.user.cart.Cart;
import shop.user.cart.CartItem;
import shop.user.cart.Carts;

/** Carts in PostgreSQL; ordered items are removed once per event through the platform inbox. */
public final class PostgresCarts implements Carts {
  /** The consumer name of the cart subscription in {@link shop.events.Topology}. */
  public static final String CONSUMER = "carts";

  private static final String SELECT_CART =
      "SELECT product_id, quantity FROM cart_items WHERE user_id = $1"
          + " ORDER BY added_at, product_id";

  /** Priming's user: the nil UUID, which no account has. */
  static final UUID PRIMING_USER = new UUID(0, 0);

  /**
   * What priming reads a cart from instead of the table: a made-up item of {@link #PRIMING_USER},
   * written here as JSON and turned into a row of the table's own row type (so each column takes
   * the codec a stored row takes), under the table's name, since a WITH query shadows it.
   */
  private static final String PRIMING_CART_ITEMS =
      "WITH cart_items AS (SELECT * FROM jsonb_populate_recordset(NULL::cart_items, '[{"
          + "\"user_id\": \""
          + PRIMING_USER
          + "\", \"product_id\": \"priming\", \"quantity\": 1,"
          + " \"added_at\": \"2026-01-01T00:00:00Z\"}]')) ";

  private final PostgresDatabase db;
  private final PostgresInbox inbox;
  // Held here: the CRaC context keeps a primer only as long as its owner does.
  private final Priming.Primer primer;

  public PostgresCarts(PostgresDatabase db, PostgresInbox inbox) {
    this.db = db;
    this.inbox = inbox;
    this.primer = Priming.register("cart rows", this::prime);
  }

  @Override
  public Cart get(UUID userId) {
    return new Cart(userId, db.query(SELECT_CART, PostgresCarts::item, userId));
  }

  /**
   * Before a SnapStart snapshot: reads a cart in a transaction as the cart consumer's transaction
   * runs its statements (bound parameters, the transaction, the codecs, the mapping), but a made-up
   * cart, from no table: nothing is written and nobody's cart is read.
   */
  void prime() {
    List<CartItem> read =
        db.transaction(
                c ->
                    PostgresDatabase.rows(
                            c, PRIMING_CART_ITEMS + SELECT_CART, PostgresCarts::item, PRIMING_USER)
                        .collectList())
            .orElse(List.of());
    if (read.size() != 1) {
      throw new IllegalStateException("priming read " + read.size() + " cart items, not its own");
    }
  }

  private static CartItem item(Readable row) {
    return new CartItem(row.get("product_id", String.class), row.get("quantity", Integer.class));
  }

  @Override
  public void put(UUID userId, CartItem item, Instant now) {
    db.update(
        "INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES ($1, $2, $3, $4)"
            + " ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity",
        userId,
        item.productId(),
        item.quantity(),
        now);
  }

  @Override
  public boolean remove(UUID userId, String productId) {
    return db.update(
            "DELETE FROM cart_items WHERE user_id = $1 AND product_id = $2", userId, productId)
        == 1;
  }

  @Override
  public void clear(UUID userId) {
    db.update("DELETE FROM cart_items WHERE user_id = $1", userId);
  }

  @Override
  public boolean removeOrdered(String eventId, UUID userId, List<CartItem> ordered, Instant now) {
    return db.transaction(
            c ->
                inbox
                    .markHandled(c, CONSUMER, eventId)
                    .flatMap(
                        first ->
                            first
                                ? subtract(c, userId, ordered).thenReturn(true)
                                : Mono.just(false)))
        .orElse(false);
  }

  // Deleting first means the update only ever meets rows that stay above zero.
  private static Mono<Void> subtract(Connection c, UUID userId, List<CartItem> ordered) {
    return Flux.fromIterable(ordered)
        .concatMap(
            item ->
                PostgresDatabase.updated(
                        c,
                        "DELETE FROM cart_items"
                            + " WHERE user_id = $1 AND product_id = $2 AND quantity <= $3",
                        userId,
                        item.productId(),
                        item.quantity())
                    .then(
                        PostgresDatabase.updated(
                            c,
                            "UPDATE cart_items SET quantity = quantity - $3"
                                + " WHERE user_id = $1 AND product_id = $2",
                            userId,
                            item.productId(),
                            item.quantity())))
        .then();
  }
}
