package shop.transaction.adapter;

import static shop.platform.postgres.PostgresDatabase.bind;
import static shop.platform.postgres.PostgresDatabase.nullable;
import static shop.platform.postgres.PostgresDatabase.rows;
import static shop.platform.postgres.PostgresDatabase.updated;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.transaction.order.Changed;
import shop.transaction.order.Customer;
import shop.transaction.order.HistoryEntry;
import shop.transaction.order.Money;
import shop.transaction.order.Order;
import shop.transaction.order.OrderEvent;
import shop.transaction.order.OrderLine;
import shop.transaction.order.OrderStatus;
import shop.transaction.order.ShippingAddress;

/**
 * How an order maps to the tables of {@code db/transaction}: a row of {@code orders}, its {@code
 * order_lines} and its {@code order_history} (its parcels, returns and refunds: {@link
 * FulfilmentRows}). Each method runs on the caller's connection, inside whatever transaction the
 * caller holds.
 */
final class OrderRows {
  private static final String COLUMNS =
      "id, user_id, status, version, total, currency, payment_method_id, stripe_customer_id,"
          + " payment_intent_id, customer_email, customer_name, customer_phone,"
          + " customer_sms_opt_in, ship_name, ship_line1, ship_line2, ship_city, ship_postal_code,"
          + " ship_country, created_at, updated_at, captured_amount, refunded_amount";
  private static final String INSERT_ORDER =
      "INSERT INTO orders ("
          + COLUMNS
          + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
          + " $18, $19, $20, $21, $22, $23)";
  private static final String INSERT_LINE =
      "INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7)";
  private static final String SELECT_LINES =
      "SELECT order_id, product_id, sku, name, quantity, unit_price FROM order_lines"
          + " WHERE order_id = ANY($1) ORDER BY order_id, line_no";
  private static final String UPDATE_ORDER =
      "UPDATE orders SET status = $1, version = $2, updated_at = $3, payment_intent_id = $4,"
          + " captured_amount = $7, refunded_amount = $8 WHERE id = $5 AND version = $6";
  private static final String INSERT_HISTORY =
      "INSERT INTO order_history (order_id, version, event, status, at)"
          + " VALUES ($1, $2, $3, $4, $5)";
  static final String SELECT_HISTORY =
      "SELECT version, event, status, at FROM order_history WHERE order_id = $1 ORDER BY version";

  /** The id of priming's made-up order. */
  static final String PRIMING_ORDER_ID = "priming";

  /**
   * What SnapStart's priming reads an order from instead of the tables: a made-up order of one
   * line, written here as JSON and turned into rows of each table's own row type (so the driver
   * decodes every column with the codec a stored row takes), under the tables' names, since a WITH
   * query shadows the table it is named after. No table is read and the order is nobody's.
   */
  private static final String PRIMING_TABLES =
      "WITH orders AS (SELECT * FROM jsonb_populate_record(NULL::orders, '{\"id\": \""
          + PRIMING_ORDER_ID
          + "\", \"user_id\": \"priming\", \"status\": \"PENDING\", \"version\": 1,"
          + " \"total\": 1, \"currency\": \"EUR\", \"payment_method_id\": \"priming\","
          + " \"customer_email\": \"priming@invalid\", \"customer_name\": \"priming\","
          + " \"customer_sms_opt_in\": false, \"ship_name\": \"priming\","
          + " \"ship_line1\": \"priming\", \"ship_city\": \"priming\","
          + " \"ship_postal_code\": \"00000\", \"ship_country\": \"DE\","
          + " \"created_at\": \"2026-01-01T00:00:00Z\", \"updated_at\": \"2026-01-01T00:00:00Z\","
          + " \"captured_amount\": 0, \"refunded_amount\": 0}')),"
          + " order_lines AS (SELECT * FROM jsonb_populate_recordset(NULL::order_lines, '[{"
          + "\"order_id\": \""
          + PRIMING_ORDER_ID
          + "\", \"line_no\": 1, \"product_id\": \"priming\", \"sku\": \"priming\","
          + " \"name\": \"priming\", \"quantity\": 1, \"unit_price\": 1}]')),"
          + " shipments AS (SELECT * FROM jsonb_populate_recordset(NULL::shipments, '[]')),"
          + " order_returns AS (SELECT * FROM jsonb_populate_recordset(NULL::order_returns, '[]')),"
          + " refunds AS (SELECT * FROM jsonb_populate_recordset(NULL::refunds, '[]')) ";

  private OrderRows() {}

  /**
   * The orders {@code where} selects (a WHERE clause with its ORDER BY and LIMIT, or only those),
   * in its order, each with its lines.
   */
  static Mono<List<Order>> select(Connection c, String where, Object... args) {
    return select(c, "", where, args);
  }

  /**
   * For SnapStart's priming: priming's made-up order, read as {@link #select} reads an order (the
   * same statements, parameters, codecs and mapping), from no table.
   */
  static Mono<List<Order>> primingRead(Connection c) {
    return select(c, PRIMING_TABLES, "WHERE id = $1", PRIMING_ORDER_ID);
  }

  /** As {@link #select}, each statement after {@code with}, a WITH clause or nothing. */
  private static Mono<List<Order>> select(Connection c, String with, String where, Object... args) {
    return rows(c, with + "SELECT " + COLUMNS + " FROM orders " + where, OrderRow::read, args)
        .collectList()
        .flatMap(
            found -> found.isEmpty() ? Mono.just(List.<Order>of()) : withLines(c, with, found));
  }

  /** Inserts a new order with its lines. */
  static Mono<Void> insert(Connection c, Order o) {
    Customer customer = o.customer();
    ShippingAddress ship = o.shippingAddress();
    Mono<Long> order =
        updated(
            c,
            INSERT_ORDER,
            o.id(),
            o.userId(),
            o.status().name(),
            o.version(),
            o.total().amount(),
            o.total().currency(),
            o.paymentMethodId(),
            nullable(o.stripeCustomerId(), String.class),
            nullable(o.paymentIntentId(), String.class),
            customer.email(),
            customer.name(),
            nullable(customer.phone(), String.class),
            customer.smsOptIn(),
            ship.name(),
            ship.line1(),
            nullable(ship.line2(), String.class),
            ship.city(),
            ship.postalCode(),
            ship.country(),
            o.createdAt(),
            o.updatedAt(),
            o.fulfilment().capturedAmount(),
            o.fulfilment().refundedAmount());
    Statement lines = c.createStatement(INSERT_LINE);
    for (int i = 0; i < o.lines().size(); i++) {
      OrderLine line = o.lines().get(i);
      if (i > 0) {
        lines.add();
      }
      bind(
          lines,
          o.id(),
          i + 1,
          line.productId(),
          line.sku(),
          line.name(),
          line.quantity(),
          line.unitPrice());
    }
    return order.then(executed(lines));
  }

  /**
   * Moves the order's row to {@code change}'s outcome if it is still at the expected version; emits
   * the rows updated, 0 when the order moved on.
   */
  static Mono<Long> update(Connection c, Changed change) {
    Order after = change.after();
    return updated(
        c,
        UPDATE_ORDER,
        after.status().name(),
        after.version(),
        after.updatedAt(),
        nullable(after.paymentIntentId(), String.class),
        after.id(),
        change.expectedVersion(),
        after.fulfilment().capturedAmount(),
        after.fulfilment().refundedAmount());
  }

  /** Appends {@code change}'s events to the order's history. */
  static Mono<Void> insertHistory(Connection c, Changed change) {
    Statement history = c.createStatement(INSERT_HISTORY);
    List<OrderEvent> events = change.events();
    for (int i = 0; i < events.size(); i++) {
      OrderEvent event = events.get(i);
      if (i > 0) {
        history.add();
      }
      bind(
          history,
          change.after().id(),
          event.sequence(),
          event.name(),
          event.status().name(),
          event.at());
    }
    return executed(history);
  }

  /** One row of {@link #SELECT_HISTORY}. */
  static HistoryEntry historyEntry(Readable row) {
    return new HistoryEntry(
        row.get("version", Long.class),
        row.get("event", String.class),
        OrderStatus.valueOf(row.get("status", String.class)),
        row.get("at", Instant.class));
  }

  private static Mono<Void> executed(Statement statement) {
    return Flux.from(statement.execute()).flatMap(r -> r.getRowsUpdated()).then();
  }

  private static Mono<List<Order>> withLines(Connection c, String with, List<OrderRow> found) {
    String[] ids = found.stream().map(OrderRow::id).toArray(String[]::new);
    return rows(c, with + SELECT_LINES, OrderRows::line, (Object) ids)
        .collectList()
        .zipWith(FulfilmentRows.select(c, with, ids))
        .map(
            linesAndParts -> {
              var lines = linesAndParts.getT1();
              var parts = linesAndParts.getT2();
              Map<String, List<OrderLine>> byOrder = new LinkedHashMap<>();
              lines.forEach(
                  e ->
                      byOrder
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
              return found.stream()
                  .map(
                      r ->
                          r.toOrder(
                              byOrder.getOrDefault(r.id(), List.of()),
                              parts.getOrDefault(r.id(), FulfilmentRows.Parts.NONE)))
                  .toList();
            });
  }

  private static Map.Entry<String, OrderLine> line(Readable row) {
    return Map.entry(
        row.get("order_id", String.class),
        new OrderLine(
            row.get("product_id", String.class),
            row.get("sku", String.class),
            row.get("name", String.class),
            row.get("quantity", Integer.class),
            row.get("unit_price", Long.class)));
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
      Instant updatedAt,
      long capturedAmount,
      long refundedAmount) {

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
          row.get("updated_at", Instant.class),
          row.get("captured_amount", Long.class),
          row.get("refunded_amount", Long.class));
    }

    Order toOrder(List<OrderLine> lines, FulfilmentRows.Parts parts) {
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
          paymentIntentId,
          parts.fulfilment(capturedAmount, refundedAmount));
    }
  }
}
