package shop.transaction.adapter;

import static shop.platform.postgres.PostgresDatabase.updated;

import io.r2dbc.spi.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.events.EventEnvelope;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.outbox.OutboxWriter;
import shop.platform.postgres.PostgresDatabase;
import shop.platform.snapstart.Priming;
import shop.transaction.order.Changed;
import shop.transaction.order.Creation;
import shop.transaction.order.Customer;
import shop.transaction.order.HandledMessage;
import shop.transaction.order.HistoryEntry;
import shop.transaction.order.IdempotentRequest;
import shop.transaction.order.Order;
import shop.transaction.order.OrderPage;
import shop.transaction.order.OrderRepository;
import shop.transaction.order.OrderSearch;
import shop.transaction.order.OrderStatus;
import shop.transaction.order.PageCursor;
import shop.transaction.order.Saved;

/**
 * Orders in PostgreSQL. Every write is one transaction holding the order, its history, its
 * integration events (the platform outbox) and, for consumers, the inbox record of the message.
 * Sending the events is the entry point's business: this class only appends them.
 */
public final class PostgresOrders implements OrderRepository {
  private static final String FIND_REQUEST =
      "SELECT request_hash, order_id FROM checkout_requests"
          + " WHERE user_id = $1 AND idempotency_key = $2";
  private static final String INSERT_REQUEST =
      "INSERT INTO checkout_requests (user_id, idempotency_key, request_hash, order_id)"
          + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";

  private static final String ERASED_FIELD = "erased";

  private final PostgresDatabase database;
  private final OutboxWriter outbox;
  private final PostgresInbox inbox;
  // Held here: the CRaC context keeps a primer only as long as its owner does.
  private final Priming.Primer primer;

  public PostgresOrders(PostgresDatabase database, OutboxWriter outbox, PostgresInbox inbox) {
    this.database = database;
    this.outbox = outbox;
    this.inbox = inbox;
    this.primer = Priming.register("orders' rows", this::prime);
  }

  /**
   * Before a SnapStart snapshot: reads an order in a transaction as the consumers and the API do
   * (bound parameters, the transaction, every column's codec, the rows' mapping to an order), but
   * priming's made-up order, from no table ({@code OrderRows.primingRead}): nothing is written and
   * nobody's order is read, so nothing of a customer is in the snapshot.
   */
  void prime() {
    List<Order> read = database.transaction(OrderRows::primingRead).orElse(List.of());
    if (read.size() != 1 || !read.get(0).id().equals(OrderRows.PRIMING_ORDER_ID)) {
      throw new IllegalStateException("priming read " + read.size() + " orders, not its own");
    }
  }

  @Override
  public Optional<Order> find(String orderId) {
    return select("WHERE id = $1", orderId).stream().findFirst();
  }

  @Override
  public List<HistoryEntry> history(String orderId) {
    return database.query(OrderRows.SELECT_HISTORY, OrderRows::historyEntry, orderId);
  }

  @Override
  public Optional<IdempotentRequest> findRequest(String userId, String key) {
    return database
        .query(
            FIND_REQUEST,
            row ->
                new IdempotentRequest(
                    userId,
                    key,
                    row.get("request_hash", String.class),
                    row.get("order_id", String.class)),
            userId,
            key)
        .stream()
        .findFirst();
  }

  @Override
  public Creation create(Changed placed, IdempotentRequest request, int maxUnpaid) {
    List<EventEnvelope<?>> events = IntegrationEvents.of(placed);
    // The key goes first: a concurrent twin blocks on it until this commits, then finds it taken.
    // Then the customer's lock: their other checkouts wait here, so each counts the one before.
    try {
      return database
          .transaction(
              c ->
                  updated(
                          c,
                          INSERT_REQUEST,
                          request.userId(),
                          request.key(),
                          request.requestHash(),
                          request.orderId())
                      .flatMap(
                          rows ->
                              rows == 0
                                  ? Mono.<Creation>just(new Creation.KeyTaken())
                                  : underLimit(c, request.userId(), maxUnpaid)
                                      .then(OrderRows.insert(c, placed.after()))
                                      .then(OrderRows.insertHistory(c, placed))
                                      .then(append(c, events))
                                      .thenReturn(new Creation.Created())))
          .orElseThrow();
    } catch (LimitReached e) {
      // Rolled back, the request's key included: the customer may retry it later.
      return new Creation.TooManyOpen(e.oldestPlacedAt);
    }
  }

  private static Mono<Void> underLimit(Connection c, String userId, int maxUnpaid) {
    String[] unpaid = OrderStatus.UNPAID.stream().map(Enum::name).toArray(String[]::new);
    return PostgresDatabase.rows(
            c, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", row -> 1, userId)
        .then(
            PostgresDatabase.rows(
                    c,
                    "SELECT count(*) AS open, min(created_at) AS oldest FROM orders"
                        + " WHERE user_id = $1 AND status = ANY($2)",
                    row ->
                        row.get("open", Long.class) < maxUnpaid
                            ? Optional.<Instant>empty()
                            : Optional.of(row.get("oldest", Instant.class)),
                    userId,
                    unpaid)
                .single())
        .flatMap(
            full -> full.isEmpty() ? Mono.<Void>empty() : Mono.error(new LimitReached(full.get())));
  }

  @Override
  public Saved save(Changed change, HandledMessage handled) {
    List<EventEnvelope<?>> events = IntegrationEvents.of(change);
    try {
      return database
          .transaction(
              c ->
                  markInbox(c, handled)
                      .flatMap(
                          first ->
                              !first
                                  ? Mono.just(Saved.ALREADY_HANDLED)
                                  : OrderRows.update(c, change)
                                      .flatMap(
                                          rows ->
                                              rows == 0
                                                  ? Mono.error(new Conflict())
                                                  : OrderRows.insertHistory(c, change)
                                                      .then(
                                                          FulfilmentRows.sync(
                                                              c, change.before(), change.after()))
                                                      .then(append(c, events))
                                                      .thenReturn(Saved.SAVED))))
          .orElseThrow();
    } catch (Conflict e) {
      // Rolled back, inbox record included: the caller decides again on the fresh order.
      return Saved.CONFLICT;
    }
  }

  @Override
  public boolean markHandled(HandledMessage handled) {
    return database.transaction(c -> markInbox(c, handled)).orElseThrow();
  }

  @Override
  public OrderPage ofUser(String userId, PageCursor cursor, int limit) {
    return page(
        OrderPageQuery.after(
            cursor, limit, List.of(new OrderPageQuery.Condition("user_id", userId))));
  }

  @Override
  public OrderPage all(OrderStatus status, PageCursor cursor, int limit) {
    List<OrderPageQuery.Condition> equal =
        status == null ? List.of() : List.of(new OrderPageQuery.Condition("status", status.name()));
    return page(OrderPageQuery.after(cursor, limit, equal));
  }

  // The placeholders are the only values an anonymised order can hold: the WHERE makes it once.
  @Override
  public int anonymiseCustomer(String userId) {
    Customer erased = Customer.ERASED;
    return (int)
        database.update(
            "UPDATE orders SET customer_email = $2, customer_name = $3, customer_phone = NULL,"
                + " customer_sms_opt_in = false, ship_name = $3, ship_line1 = $4, ship_line2 = NULL,"
                + " ship_city = $4, ship_postal_code = $4, updated_at = now()"
                + " WHERE user_id = $1 AND customer_email <> $2",
            userId,
            erased.email(),
            erased.name(),
            ERASED_FIELD);
  }

  @Override
  public OrderPage search(OrderSearch search, PageCursor cursor, int limit) {
    List<OrderPageQuery.Condition> where = new ArrayList<>();
    if (search.status() != null) {
      where.add(new OrderPageQuery.Condition("status", search.status().name()));
    }
    if (search.customer() != null) {
      where.add(
          OrderPageQuery.Condition.of(
              "(user_id = ? OR lower(customer_email) = lower(?))", search.customer()));
    }
    if (search.from() != null) {
      where.add(OrderPageQuery.Condition.of("created_at >= ?", search.from()));
    }
    if (search.to() != null) {
      where.add(OrderPageQuery.Condition.of("created_at < ?", search.to()));
    }
    return page(OrderPageQuery.after(cursor, limit, where));
  }

  @Override
  public Optional<String> orderOfShipment(String shipmentId) {
    return one("SELECT order_id FROM shipments WHERE id = $1", shipmentId);
  }

  @Override
  public Optional<String> orderOfTracking(String carrier, String trackingNumber) {
    return one(
        "SELECT order_id FROM shipments WHERE carrier = $1 AND tracking_number = $2"
            + " ORDER BY shipped_at DESC LIMIT 1",
        carrier,
        trackingNumber);
  }

  @Override
  public Optional<String> orderOfReturn(String returnId) {
    return one("SELECT order_id FROM order_returns WHERE id = $1", returnId);
  }

  private Optional<String> one(String sql, Object... args) {
    return database.query(sql, row -> row.get("order_id", String.class), args).stream().findFirst();
  }

  @Override
  public List<Order> stuck(Set<OrderStatus> statuses, Instant createdBefore, int limit) {
    String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
    return select(
        "WHERE status = ANY($1) AND created_at < $2 ORDER BY created_at LIMIT $3",
        names,
        createdBefore,
        limit);
  }

  @Override
  public List<Order> withPendingRefunds(Instant startedBefore, int limit) {
    return select(
        "JOIN (SELECT order_id, min(created_at) AS since FROM refunds"
            + " WHERE status = 'PENDING' AND created_at < $1 GROUP BY order_id) pending"
            + " ON pending.order_id = orders.id ORDER BY pending.since LIMIT $2",
        startedBefore,
        limit);
  }

  private OrderPage page(OrderPageQuery query) {
    return query.page(select(query.where(), query.args().toArray()));
  }

  private List<Order> select(String where, Object... args) {
    return database.run(c -> OrderRows.select(c, where, args)).orElse(List.of());
  }

  private Mono<Void> append(Connection c, List<EventEnvelope<?>> events) {
    return Flux.fromIterable(events).concatMap(event -> outbox.append(c, event)).then();
  }

  private Mono<Boolean> markInbox(Connection c, HandledMessage handled) {
    return handled == null
        ? Mono.just(true)
        : inbox.markHandled(c, handled.consumer(), handled.messageId());
  }

  /** Rolls the transaction back when the customer holds too many unpaid orders. */
  private static final class LimitReached extends RuntimeException {
    private final Instant oldestPlacedAt;

    LimitReached(Instant oldestPlacedAt) {
      super("too many unpaid orders", null, false, false);
      this.oldestPlacedAt = oldestPlacedAt;
    }
  }

  /** Rolls the transaction back when the order moved on. */
  private static final class Conflict extends RuntimeException {
    Conflict() {
      super("the order moved on", null, false, false);
    }
  }
}
