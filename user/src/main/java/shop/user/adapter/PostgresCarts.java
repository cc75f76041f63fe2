package shop.user.adapter;

import io.r2dbc.spi.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.postgres.PostgresDatabase;
import shop.user.cart.Cart;
import shop.user.cart.CartItem;
import shop.user.cart.Carts;

/** Carts in PostgreSQL; ordered items are removed once per event through the platform inbox. */
public final class PostgresCarts implements Carts {
  /** The consumer name of the cart subscription in {@link shop.events.Topology}. */
  public static final String CONSUMER = "carts";

  private final PostgresDatabase db;
  private final PostgresInbox inbox;

  public PostgresCarts(PostgresDatabase db, PostgresInbox inbox) {
    this.db = db;
    this.inbox = inbox;
  }

  @Override
  public Cart get(UUID userId) {
    return new Cart(
        userId,
        db.query(
            "SELECT product_id, quantity FROM cart_items WHERE user_id = $1"
                + " ORDER BY added_at, product_id",
            row ->
                new CartItem(
                    row.get("product_id", String.class), row.get("quantity", Integer.class)),
            userId));
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
