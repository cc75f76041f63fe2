package shop.product.inventory;

import java.util.EnumSet;

/**
 * Turns a paid order's holds into sales: stock on hand and reserved both go down, once. Payment is
 * only captured after InventoryReserved, so an undecided reservation means the events overtook each
 * other: the message is retried.
 */
public final class SellStock {
  private final Inventory inventory;
  private final Settle settle;

  public SellStock(Inventory inventory, ReservationEvents events) {
    this.inventory = inventory;
    this.settle = new Settle(inventory, events);
  }

  public Reservation sell(String orderId) {
    Reservation reservation =
        inventory
            .reservation(orderId)
            .orElseThrow(() -> new ReservationNotReadyException(orderId, "unknown"));
    switch (reservation.state()) {
      case PENDING -> throw new ReservationNotReadyException(orderId, "pending");
      case RESERVED -> {
        reservation =
            inventory.transition(
                orderId,
                EnumSet.of(ReservationState.RESERVED),
                ReservationState.SOLD,
                null,
                reservation.rejections());
      }
      default -> {}
    }
    if (reservation.state() != ReservationState.SOLD) {
      // Rejected or cancelled: the order holds nothing that could be sold.
      return reservation;
    }
    return settle.apply(reservation);
  }
}
