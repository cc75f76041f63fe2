package shop.product.inventory;

import java.util.EnumSet;

/**
 * Gives back what a cancelled order holds, once. A cancellation that overtakes its OrderCreated
 * leaves a cancelled reservation behind, so the late order reserves nothing. A sold order that is
 * cancelled was paid and refunded before anything of it shipped: its units never left the warehouse
 * and go back in stock, once.
 */
public final class ReleaseStock {
  private final Inventory inventory;
  private final Settle settle;

  public ReleaseStock(Inventory inventory, ReservationEvents events) {
    this.inventory = inventory;
    this.settle = new Settle(inventory, events);
  }

  public Reservation release(String orderId) {
    Reservation reservation = inventory.openCancelled(orderId);
    if (reservation.state() == ReservationState.PENDING
        || reservation.state() == ReservationState.RESERVED) {
      reservation =
          inventory.transition(
              orderId,
              EnumSet.of(ReservationState.PENDING, ReservationState.RESERVED),
              ReservationState.CANCELLED,
              null,
              reservation.rejections());
    }
    if (reservation.state() == ReservationState.SOLD) {
      Reservation sold = settle.apply(reservation);
      sold.lines().forEach(l -> inventory.restock("cancelled:" + orderId, l));
      return sold;
    }
    if (reservation.state() == ReservationState.REJECTED) {
      // Rejected orders hold nothing; settling again would re-record the rejection event.
      return reservation;
    }
    return settle.apply(reservation);
  }
}
