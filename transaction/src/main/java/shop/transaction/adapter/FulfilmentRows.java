package shop.transaction.adapter;

import static shop.platform.postgres.PostgresDatabase.nullable;
import static shop.platform.postgres.PostgresDatabase.rows;
import static shop.platform.postgres.PostgresDatabase.updated;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.transaction.order.Fulfilment;
import shop.transaction.order.Order;
import shop.transaction.order.OrderReturn;
import shop.transaction.order.ProductQuantity;
import shop.transaction.order.Refund;
import shop.transaction.order.RefundStatus;
import shop.transaction.order.ReturnStatus;
import shop.transaction.order.Shipment;

/**
 * How an order's parcels, returns and refunds map to {@code shipments}, {@code order_returns} and
 * {@code refunds}: read with their orders, and written (inserted or updated, whichever changed) in
 * the transaction that stores the order.
 */
final class FulfilmentRows {
  private static final String UPSERT_SHIPMENT =
      "INSERT INTO shipments (id, order_id, carrier, tracking_number, tracking_url, product_ids,"
          + " quantities, shipped_at, delivered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
          + " ON CONFLICT (id) DO UPDATE SET delivered_at = EXCLUDED.delivered_at";
  private static final String UPSERT_RETURN =
      "INSERT INTO order_returns (id, order_id, status, product_ids, quantities, reason, decision,"
          + " refund_id, requested_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
          + " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,"
          + " decision = EXCLUDED.decision, refund_id = EXCLUDED.refund_id,"
          + " updated_at = EXCLUDED.updated_at";
  private static final String UPSERT_REFUND =
      "INSERT INTO refunds (id, order_id, idempotency_key, amount, reason, product_ids,"
          + " quantities, status, created_at, updated_at)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
          + " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,"
          + " updated_at = EXCLUDED.updated_at";

  private FulfilmentRows() {}

  /**
   * The parcels, returns and refunds of the orders {@code ids}, oldest first, by order id; each
   * statement after {@code with}, a WITH clause or nothing.
   */
  static Mono<Map<String, Parts>> select(Connection c, String with, String[] ids) {
    Map<String, Parts> parts = new HashMap<>();
    return rows(
            c,
            with + "SELECT * FROM shipments WHERE order_id = ANY($1) ORDER BY shipped_at, id",
            r -> Map.entry(r.get("order_id", String.class), shipment(r)),
            (Object) ids)
        .doOnNext(e -> of(parts, e.getKey()).shipments.add(e.getValue()))
        .thenMany(
            rows(
                c,
                with
                    + "SELECT * FROM order_returns WHERE order_id = ANY($1) ORDER BY requested_at, id",
                r -> Map.entry(r.get("order_id", String.class), orderReturn(r)),
                (Object) ids))
        .doOnNext(e -> of(parts, e.getKey()).returns.add(e.getValue()))
        .thenMany(
            rows(
                c,
                with + "SELECT * FROM refunds WHERE order_id = ANY($1) ORDER BY created_at, id",
                r -> Map.entry(r.get("order_id", String.class), refund(r)),
                (Object) ids))
        .doOnNext(e -> of(parts, e.getKey()).refunds.add(e.getValue()))
        .then(Mono.fromSupplier(() -> parts));
  }

  /** Writes what differs between {@code before} (null for a new order) and {@code after}. */
  static Mono<Void> sync(Connection c, Order before, Order after) {
    Fulfilment was = before == null ? Fulfilment.NONE : before.fulfilment();
    Fulfilment is = after.fulfilment();
    List<Mono<Long>> writes = new ArrayList<>();
    String orderId = after.id();
    for (Shipment s : is.shipments()) {
      if (!was.shipments().contains(s)) {
        writes.add(
            updated(
                c,
                UPSERT_SHIPMENT,
                s.id(),
                orderId,
                s.carrier(),
                s.trackingNumber(),
                nullable(s.trackingUrl(), String.class),
                productIds(s.lines()),
                quantities(s.lines()),
                s.shippedAt(),
                nullable(s.deliveredAt(), Instant.class)));
      }
    }
    for (OrderReturn r : is.returns()) {
      if (!was.returns().contains(r)) {
        writes.add(
            updated(
                c,
                UPSERT_RETURN,
                r.id(),
                orderId,
                r.status().name(),
                productIds(r.lines()),
                quantities(r.lines()),
                r.reason(),
                nullable(r.decision(), String.class),
                nullable(r.refundId(), String.class),
                r.requestedAt(),
                r.updatedAt()));
      }
    }
    for (Refund r : is.refunds()) {
      if (!was.refunds().contains(r)) {
        writes.add(
            updated(
                c,
                UPSERT_REFUND,
                r.id(),
                orderId,
                nullable(r.idempotencyKey(), String.class),
                r.amount(),
                r.reason(),
                productIds(r.lines()),
                quantities(r.lines()),
                r.status().name(),
                r.createdAt(),
                r.updatedAt()));
      }
    }
    return Flux.concat(writes).then();
  }

  /** What an order row is waiting for, besides its lines. */
  record Parts(List<Shipment> shipments, List<OrderReturn> returns, List<Refund> refunds) {
    static final Parts NONE = new Parts(List.of(), List.of(), List.of());

    Fulfilment fulfilment(long captured, long refunded) {
      return new Fulfilment(captured, refunded, shipments, returns, refunds);
    }
  }

  private static Parts of(Map<String, Parts> parts, String orderId) {
    return parts.computeIfAbsent(
        orderId, k -> new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
  }

  private static Shipment shipment(Readable r) {
    return new Shipment(
        r.get("id", String.class),
        r.get("carrier", String.class),
        r.get("tracking_number", String.class),
        r.get("tracking_url", String.class),
        lines(r),
        r.get("shipped_at", Instant.class),
        r.get("delivered_at", Instant.class));
  }

  private static OrderReturn orderReturn(Readable r) {
    return new OrderReturn(
        r.get("id", String.class),
        ReturnStatus.valueOf(r.get("status", String.class)),
        lines(r),
        r.get("reason", String.class),
        r.get("decision", String.class),
        r.get("refund_id", String.class),
        r.get("requested_at", Instant.class),
        r.get("updated_at", Instant.class));
  }

  private static Refund refund(Readable r) {
    return new Refund(
        r.get("id", String.class),
        r.get("idempotency_key", String.class),
        r.get("amount", Long.class),
        r.get("reason", String.class),
        lines(r),
        RefundStatus.valueOf(r.get("status", String.class)),
        r.get("created_at", Instant.class),
        r.get("updated_at", Instant.class));
  }

  private static List<ProductQuantity> lines(Readable r) {
    String[] ids = r.get("product_ids", String[].class);
    Integer[] quantities = r.get("quantities", Integer[].class);
    List<ProductQuantity> lines = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      lines.add(new ProductQuantity(ids[i], quantities[i]));
    }
    return lines;
  }

  private static String[] productIds(List<ProductQuantity> lines) {
    return lines.stream().map(ProductQuantity::productId).toArray(String[]::new);
  }

  private static Integer[] quantities(List<ProductQuantity> lines) {
    return lines.stream().map(ProductQuantity::quantity).toArray(Integer[]::new);
  }
}
