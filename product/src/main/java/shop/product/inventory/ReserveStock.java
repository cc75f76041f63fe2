package shop.product.inventory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shop.product.catalog.Catalog;
import shop.product.catalog.Product;

/**
 * Reserves every line of an order or nothing, once per order.
 *
 * <p>Crash and redelivery safety without transactions: (1) the reservation document is created
 * PENDING with the order's lines; (2) each line is held by a conditional update of its product that
 * also records the order there, so a repeated hold is a no-op and {@code available} never goes
 * below zero; (3) the decision is one conditional flip PENDING to RESERVED or REJECTED, which only
 * one of several concurrent deliveries wins; (4) {@link Settle} then releases the holds of a
 * rejected order and records the event in the outbox. Every delivery ends with (4) for the state
 * that won, so a delivery that held lines after losing the race gives them back, and a redelivery
 * of a decided order changes nothing.
 */
public final class ReserveStock {
  private final Inventory inventory;
  private final Catalog catalog;
  private final Settle settle;
  private final Clock clock;

  public ReserveStock(Inventory inventory, Catalog catalog, ReservationEvents events, Clock clock) {
    this.inventory = inventory;
    this.catalog = catalog;
    this.settle = new Settle(inventory, events);
    this.clock = clock;
  }

  public Reservation reserve(ReserveOrder order) {
    Reservation reservation = inventory.open(order.orderId(), order.lines(), order.sequence());
    if (reservation.state() == ReservationState.PENDING) {
      reservation = decide(reservation);
    }
    return settle.apply(reservation);
  }

  private Reservation decide(Reservation pending) {
    List<Rejection> rejections = new ArrayList<>();
    List<ReservationLine> lines = pending.lines();
    for (int i = 0; i < lines.size(); i++) {
      ReservationLine line = lines.get(i);
      if (inventory.hold(pending.orderId(), line) instanceof HoldOutcome.Refused refused) {
        rejections.add(
            new Rejection(
                line.productId(), line.quantity(), refused.available(), refused.reason()));
        rejections.addAll(unavailable(lines.subList(i + 1, lines.size())));
        break;
      }
    }
    ReservationState outcome =
        rejections.isEmpty() ? ReservationState.RESERVED : ReservationState.REJECTED;
    // Whoever won the flip (this delivery, a concurrent one, or a cancellation), its state is the
    // truth.
    return inventory.transition(
        pending.orderId(),
        EnumSet.of(ReservationState.PENDING),
        outcome,
        clock.instant(),
        rejections);
  }

  /**
   * Once one line is refused the order is rejected: the remaining lines are only checked, with one
   * query, so that the rejection names every line that could not be had.
   */
  private List<Rejection> unavailable(List<ReservationLine> rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    Map<String, Product> products =
        catalog.products(rest.stream().map(ReservationLine::productId).toList()).stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    List<Rejection> rejections = new ArrayList<>();
    for (ReservationLine line : rest) {
      Product product = products.get(line.productId());
      if (product == null) {
        rejections.add(rejection(line, 0, Rejection.Reason.UNKNOWN_PRODUCT));
      } else if (!product.isActive()) {
        rejections.add(rejection(line, 0, Rejection.Reason.ARCHIVED));
      } else if (product.available() < line.quantity()) {
        rejections.add(
            rejection(line, Math.max(0, product.available()), Rejection.Reason.OUT_OF_STOCK));
      }
    }
    return rejections;
  }

  private static Rejection rejection(ReservationLine line, int available, Rejection.Reason reason) {
    return new Rejection(line.productId(), line.quantity(), available, reason);
  }
}
