package shop.transaction.adapter;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.events.EventEnvelope;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.outbox.OutboxRelay;
import shop.platform.outbox.OutboxWriter;
import shop.transaction.order.Changed;
import shop.transaction.order.Customer;
import shop.transaction.order.HandledMessage;
import shop.transaction.order.HistoryEntry;
import shop.transaction.order.IdempotentRequest;
import shop.transaction.order.Money;
import shop.transaction.order.Order;
import shop.transaction.order.OrderEvent;
import shop.transaction.order.OrderLine;
import shop.transaction.order.OrderPage;
import shop.transaction.order.OrderRepository;
import shop.transaction.order.OrderStatus;
import shop.transaction.order.PageCursor;
import shop.transaction.order.Saved;
import shop.transaction.order.ShippingAddress;

/**
 * Orders in PostgreSQL over R2DBC. Every write is one transaction holding the order, its history,
 * its integration events (platform outbox) and, for consumers, the inbox record of the message;
 * after the commit the events are relayed at once (the scheduled sweep catches what that misses).
 */
public final class PostgresOrders implements OrderRepository {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresOrders.class);
  private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(10);
  private static final String COLUMNS =
      "id, user_id, status, version, total, currency, payment_method_id, stripe_customer_id,"
          + " payment_intent_id, customer_email, customer_name, customer_phone,"
          + " customer_sms_opt_in, ship_name, ship_line1, ship_line2, ship_city, ship_postal_code,"
          + " ship_country, created_at, updated_at";
  private static final String INSERT_ORDER =
      "INSERT INTO orders ("
          + COLUMNS
          + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
          + " $18, $19, $20, $21)";

  private final PostgresDatabase db;
  private final OutboxWriter outbox;
  private final PostgresInbox inbox;
  private final OutboxRelay relay;

  public PostgresOrders(
      PostgresDatabase db, OutboxWriter outbox, PostgresInbox inbox, OutboxRelay relay) {
    this.db = db;
    this.outbox = outbox;
    this.inbox = inbox;
    this.relay = relay;
  }

  @Override
  public Optional<Order> find(String orderId) {
    List<Order> found = db.read(c -> select(c, "WHERE id = $1", List.of(orderId)));
    return found.stream().findFirst();
  }

  @Override
  public List<HistoryEntry> history(String orderId) {
    return db.read(
        c ->
            Flux.from(
                    c.createStatement(
                            "SELECT version, event, status, at FROM order_history"
                                + " WHERE order_id = $1 ORDER BY version")
                        .bind(0, orderId)
                        .execute())
                .flatMap(
                    result ->
                        result.map(
                            row ->
                                new HistoryEntry(
                                    row.get("version", Long.class),
                                    row.get("event", String.class),
                                    OrderStatus.valueOf(row.get("status", String.class)),
                                    row.get("at", Instant.class))))
                .collectList());
  }

  @Override
  public Optional<IdempotentRequest> findRequest(String userId, String key) {
    List<IdempotentRequest> found =
        db.read(
            c ->
                Flux.from(
                        c.createStatement(
                                "SELECT request_hash, order_id FROM checkout_requests"
                                    + " WHERE user_id = $1 AND idempotency_key = $2")
                            .bind(0, userId)
                            .bind(1, key)
                            .execute())
                    .flatMap(
                        result ->
                            result.map(
                                row ->
                                    new IdempotentRequest(
                                        userId,
                                        key,
                                        row.get("request_hash", String.class),
                                        row.get("order_id", String.class))))
                    .collectList());
    return found.stream().findFirst();
  }

  @Override
  public boolean create(Changed placed, IdempotentRequest request) {
    List<EventEnvelope<?>> events = envelopes(placed);
    // The key goes first: a concurrent twin blocks on it until this commits, then finds it taken.
    boolean created =
        db.inTransaction(
            c ->
                rowsUpdated(
                        c.createStatement(
                                "INSERT INTO checkout_requests"
                                    + " (user_id, idempotency_key, request_hash, order_id)"
                                    + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                            .bind(0, request.userId())
                            .bind(1, request.key())
                            .bind(2, request.requestHash())
                            .bind(3, request.orderId()))
                    .flatMap(
                        rows ->
                            rows == 0
                                ? Mono.just(false)
                                : insertOrder(c, placed.after())
                                    .then(insertHistory(c, placed))
                                    .then(append(c, events))
                                    .thenReturn(true)));
    if (created) {
      relay(events);
    }
    return created;
  }

  @Override
  public Saved save(Changed change, HandledMessage handled) {
    List<EventEnvelope<?>> events = envelopes(change);
    Order after = change.after();
    Saved saved;
    try {
      saved =
          db.inTransaction(
              c ->
                  markInbox(c, handled)
                      .flatMap(
                          first ->
                              !first
                                  ? Mono.just(Saved.ALREADY_HANDLED)
                                  : rowsUpdated(
                                          bindAll(
                                              c.createStatement(
                                                  "UPDATE orders SET status = $1, version = $2,"
                                                      + " updated_at = $3, payment_intent_id = $4"
                                                      + " WHERE id = $5 AND version = $6"),
                                              after.status().name(),
                                              after.version(),
                                              after.updatedAt(),
                                              after.paymentIntentId(),
                                              after.id(),
                                              change.expectedVersion()))
                                      .flatMap(
                                          rows ->
                                              rows == 0
                                                  ? Mono.error(new Conflict())
                                                  : insertHistory(c, change)
                                                      .then(append(c, events))
                                                      .thenReturn(Saved.SAVED))));
    } catch (Conflict e) {
      // Rolled back, inbox record included: the caller decides again on the fresh order.
      return Saved.CONFLICT;
    }
    if (saved == Saved.SAVED) {
      relay(events);
    }
    return saved;
  }

  @Override
  public boolean markHandled(HandledMessage handled) {
    return db.inTransaction(c -> markInbox(c, handled));
  }

  @Override
  public OrderPage ofUser(String userId, PageCursor cursor, int limit) {
    return page(List.of("user_id = "), List.of(userId), cursor, limit);
  }

  @Override
  public OrderPage all(OrderStatus status, PageCursor cursor, int limit) {
    return status == null
        ? page(List.of(), List.of(), cursor, limit)
        : page(List.of("status = "), List.of(status.name()), cursor, limit);
  }

  @Override
  public List<Order> stuck(Set<OrderStatus> statuses, Instant createdBefore, int limit) {
    String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
    return db.read(
        c ->
            select(
                c,
                "WHERE status = ANY($1) AND created_at < $2 ORDER BY created_at LIMIT $3",
                List.<Object>of(names, createdBefore, limit)));
  }

  private OrderPage page(
      List<String> conditions, List<Object> values, PageCursor cursor, int limit) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      args.add(values.get(i));
      where.add(conditions.get(i) + "$" + args.size());
    }
    if (cursor != null) {
      args.add(cursor.createdAt());
      args.add(cursor.orderId());
      where.add("(created_at, id) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
    }
    args.add(limit + 1);
    String sql =
        (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
            + " ORDER BY created_at DESC, id DESC LIMIT $"
            + args.size();
    List<Order> found = db.read(c -> select(c, sql, args));
    if (found.size() <= limit) {
      return new OrderPage(found, null);
    }
    List<Order> page = found.subList(0, limit);
    return new OrderPage(page, PageCursor.after(page.get(limit - 1)));
  }

  /** The orders {@code where} selects, in its order, each with its lines. */
  private Mono<List<Order>> select(Connection c, String where, List<?> args) {
    return Flux.from(
            bindAll(
                    c.createStatement("SELECT " + COLUMNS + " FROM orders " + where),
                    args.toArray())
                .execute())
        .flatMap(result -> result.map(OrderRow::read))
        .collectList()
        .flatMap(rows -> rows.isEmpty() ? Mono.just(List.<Order>of()) : withLines(c, rows));
  }

  private Mono<List<Order>> withLines(Connection c, List<OrderRow> rows) {
    String[] ids = rows.stream().map(OrderRow::id).toArray(String[]::new);
    return Flux.from(
            c.createStatement(
                    "SELECT order_id, product_id, sku, name, quantity, unit_price FROM order_lines"
                        + " WHERE order_id = ANY($1) ORDER BY order_id, line_no")
                .bind(0, ids)
                .execute())
        .flatMap(
            result ->
                result.map(
                    row ->
                        Map.entry(
                            row.get("order_id", String.class),
                            new OrderLine(
                                row.get("product_id", String.class),
                                row.get("sku", String.class),
                                row.get("name", String.class),
                                row.get("quantity", Integer.class),
                                row.get("unit_price", Long.class)))))
        .collectList()
        .map(
            lines -> {
              Map<String, List<OrderLine>> byOrder = new LinkedHashMap<>();
              lines.forEach(
                  e ->
                      byOrder
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
              return rows.stream()
                  .map(r -> r.toOrder(byOrder.getOrDefault(r.id(), List.of())))
                  .toList();
            });
  }

  private Mono<Void> insertOrder(Connection c, Order o) {
    var customer = o.customer();
    var ship = o.shippingAddress();
    Mono<Long> order =
        rowsUpdated(
            bindAll(
                c.createStatement(INSERT_ORDER),
                o.id(),
                o.userId(),
                o.status().name(),
                o.version(),
                o.total().amount(),
                o.total().currency(),
                o.paymentMethodId(),
                o.stripeCustomerId(),
                o.paymentIntentId(),
                customer.email(),
                customer.name(),
                customer.phone(),
                customer.smsOptIn(),
                ship.name(),
                ship.line1(),
                ship.line2(),
                ship.city(),
                ship.postalCode(),
                ship.country(),
                o.createdAt(),
                o.updatedAt()));
    Statement lines =
        c.createStatement(
            "INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity,"
                + " unit_price) VALUES ($1, $2, $3, $4, $5, $6, $7)");
    for (int i = 0; i < o.lines().size(); i++) {
      OrderLine line = o.lines().get(i);
      if (i > 0) {
        lines.add();
      }
      bindAll(
          lines,
          o.id(),
          i + 1,
          line.productId(),
          line.sku(),
          line.name(),
          line.quantity(),
          line.unitPrice());
    }
    return order.then(Flux.from(lines.execute()).flatMap(r -> r.getRowsUpdated()).then());
  }

  private Mono<Void> insertHistory(Connection c, Changed change) {
    Statement history =
        c.createStatement(
            "INSERT INTO order_history (order_id, version, event, status, at)"
                + " VALUES ($1, $2, $3, $4, $5)");
    List<OrderEvent> events = change.events();
    for (int i = 0; i < events.size(); i++) {
      OrderEvent event = events.get(i);
      if (i > 0) {
        history.add();
      }
      bindAll(
          history,
          change.after().id(),
          event.sequence(),
          event.name(),
          event.status().name(),
          event.at());
    }
    return Flux.from(history.execute()).flatMap(r -> r.getRowsUpdated()).then();
  }

  private Mono<Void> append(Connection c, List<EventEnvelope<?>> events) {
    return Flux.fromIterable(events).concatMap(event -> outbox.append(c, event)).then();
  }

  private Mono<Boolean> markInbox(Connection c, HandledMessage handled) {
    return handled == null
        ? Mono.just(true)
        : inbox.markHandled(c, handled.consumer(), handled.messageId());
  }

  private void relay(List<EventEnvelope<?>> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      relay.relay(events.stream().map(e -> UUID.fromString(e.id())).toList()).block(RELAY_TIMEOUT);
    } catch (RuntimeException e) {
      // Committed events are safe in the outbox; the scheduled sweep sends them.
      LOG.warn("relaying {} events right away failed; the outbox sweep will", events.size(), e);
    }
  }

  private static List<EventEnvelope<?>> envelopes(Changed change) {
    List<EventEnvelope<?>> envelopes = new ArrayList<>();
    for (OrderEvent event : change.events()) {
      IntegrationEvents.of(change.after(), event).ifPresent(envelopes::add);
    }
    return envelopes;
  }

  private static Mono<Long> rowsUpdated(Statement statement) {
    return Flux.from(statement.execute()).flatMap(r -> r.getRowsUpdated()).reduce(0L, Long::sum);
  }

  private static Statement bindAll(Statement statement, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        statement.bindNull(i, String.class);
      } else {
        statement.bind(i, values[i]);
      }
    }
    return statement;
  }

  /** Rolls the transaction back when the order moved on. */
  private static final class Conflict extends RuntimeException {
    Conflict() {
      super("the order moved on", null, false, false);
    }
  }

  /** One row of {@code orders}, waiting for its lines. */
  private record OrderRow(
      String id,
      String userId,
      OrderStatus status,
      long version,
      Money total,
      String paymentMethodId,
      String stripeCustomerId,
      String paymentIntentId,
      Customer customer,
      ShippingAddress shippingAddress,
      Instant createdAt,
      Instant updatedAt) {

    static OrderRow read(Readable row) {
      return new OrderRow(
          row.get("id", String.class),
          row.get("user_id", String.class),
          OrderStatus.valueOf(row.get("status", String.class)),
          row.get("version", Long.class),
          new Money(row.get("total", Long.class), row.get("currency", String.class)),
          row.get("payment_method_id", String.class),
          row.get("stripe_customer_id", String.class),
          row.get("payment_intent_id", String.class),
          new Customer(
              row.get("customer_email", String.class),
              row.get("customer_name", String.class),
              row.get("customer_phone", String.class),
              row.get("customer_sms_opt_in", Boolean.class)),
          new ShippingAddress(
              row.get("ship_name", String.class),
              row.get("ship_line1", String.class),
              row.get("ship_line2", String.class),
              row.get("ship_city", String.class),
              row.get("ship_postal_code", String.class),
              row.get("ship_country", String.class)),
          row.get("created_at", Instant.class),
          row.get("updated_at", Instant.class));
    }

    Order toOrder(List<OrderLine> lines) {
      return new Order(
          id,
          userId,
          customer,
          lines,
          total,
          paymentMethodId,
          stripeCustomerId,
          shippingAddress,
          status,
          version,
          createdAt,
          updatedAt,
          paymentIntentId);
    }
  }
}
