package shop.product.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.product.catalog.InMemoryCatalog;
import shop.product.catalog.Product;

/**
 * The inventory port in memory with the adapter's semantics: holds recorded per product and order,
 * applied once, never below zero. Stock lives in the products of an {@link InMemoryCatalog}.
 */
final class InMemoryInventory implements Inventory {
  private final InMemoryCatalog catalog;
  private final Map<String, Reservation> reservations = new HashMap<>();
  private final Map<String, Map<String, String>> holds = new HashMap<>();

  InMemoryInventory(InMemoryCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public synchronized Reservation open(String orderId, List<ReservationLine> lines, long sequence) {
    return reservations.computeIfAbsent(
        orderId,
        id -> new Reservation(id, lines, ReservationState.PENDING, sequence, null, List.of()));
  }

  @Override
  public synchronized Reservation openCancelled(String orderId) {
    return reservations.computeIfAbsent(
        orderId,
        id -> new Reservation(id, List.of(), ReservationState.CANCELLED, 1, null, List.of()));
  }

  @Override
  public synchronized Optional<Reservation> reservation(String orderId) {
    return Optional.ofNullable(reservations.get(orderId));
  }

  @Override
  public synchronized HoldOutcome hold(String orderId, ReservationLine line) {
    Product p = catalog.product(line.productId()).orElse(null);
    if (p == null) {
      return new HoldOutcome.Refused(Rejection.Reason.UNKNOWN_PRODUCT, 0);
    }
    Map<String, String> productHolds = holds.computeIfAbsent(p.id(), k -> new HashMap<>());
    if (productHolds.containsKey(orderId)) {
      return new HoldOutcome.Held();
    }
    if (!p.isActive()) {
      return new HoldOutcome.Refused(Rejection.Reason.ARCHIVED, 0);
    }
    if (p.available() < line.quantity()) {
      return new HoldOutcome.Refused(Rejection.Reason.OUT_OF_STOCK, p.available());
    }
    productHolds.put(orderId, "HELD");
    catalog.put(with(p, p.onHand(), p.reserved() + line.quantity()));
    return new HoldOutcome.Held();
  }

  @Override
  public synchronized void release(String orderId, ReservationLine line) {
    settle(orderId, line, "RELEASED", 0);
  }

  @Override
  public synchronized void sell(String orderId, ReservationLine line) {
    settle(orderId, line, "SOLD", line.quantity());
  }

  @Override
  public synchronized void restock(String key, ReservationLine line) {
    Product p = catalog.product(line.productId()).orElse(null);
    Map<String, String> productHolds =
        holds.computeIfAbsent(line.productId(), k -> new HashMap<>());
    if (p == null || productHolds.containsKey(key)) {
      return;
    }
    productHolds.put(key, "RESTOCKED");
    catalog.put(with(p, p.onHand() + line.quantity(), p.reserved()));
  }

  private void settle(String orderId, ReservationLine line, String state, int leaving) {
    Map<String, String> productHolds = holds.getOrDefault(line.productId(), Map.of());
    if (!"HELD".equals(productHolds.get(orderId))) {
      return;
    }
    productHolds.put(orderId, state);
    Product p = catalog.product(line.productId()).orElseThrow();
    catalog.put(with(p, p.onHand() - leaving, p.reserved() - line.quantity()));
  }

  @Override
  public synchronized Reservation transition(
      String orderId,
      Set<ReservationState> from,
      ReservationState to,
      Instant at,
      List<Rejection> rejections) {
    Reservation r = reservations.get(orderId);
    if (r == null) {
      throw new IllegalStateException("reservation " + orderId + " vanished");
    }
    if (!from.contains(r.state())) {
      return r;
    }
    Reservation moved =
        new Reservation(
            orderId,
            r.lines(),
            to,
            r.sequence(),
            at != null ? at : r.decidedAt(),
            to == ReservationState.REJECTED ? rejections : r.rejections());
    reservations.put(orderId, moved);
    return moved;
  }

  @Override
  public synchronized StockChange setOnHand(String productId, int onHand) {
    Product p = catalog.product(productId).orElse(null);
    if (p == null) {
      return new StockChange.NoSuchProduct();
    }
    if (onHand < p.reserved()) {
      return new StockChange.BelowReserved(p.reserved());
    }
    catalog.put(with(p, onHand, p.reserved()));
    return new StockChange.Done();
  }

  /** Holds of {@code productId} that are still HELD. */
  synchronized List<String> heldBy(String productId) {
    List<String> orders = new ArrayList<>();
    holds
        .getOrDefault(productId, Map.of())
        .forEach(
            (order, state) -> {
              if (state.equals("HELD")) {
                orders.add(order);
              }
            });
    return orders;
  }

  private static Product with(Product p, int onHand, int reserved) {
    return new Product(
        p.id(),
        p.sku(),
        p.name(),
        p.description(),
        p.price(),
        p.currency(),
        p.categoryIds(),
        p.images(),
        onHand,
        reserved,
        p.status(),
        p.version());
  }
}
