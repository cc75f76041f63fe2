package shop.product.inventory;

/**
 * Brings the stock in line with a reservation's state; every step is idempotent, so it runs after
 * every decision and on every redelivery (which also repairs a crash between the steps).
 */
final class Settle {
  private final Inventory inventory;
  private final ReservationEvents events;

  Settle(Inventory inventory, ReservationEvents events) {
    this.inventory = inventory;
    this.events = events;
  }

  Reservation apply(Reservation reservation) {
    switch (reservation.state()) {
      case RESERVED -> events.record(reservation);
      case REJECTED -> {
        releaseAll(reservation);
        events.record(reservation);
      }
      case CANCELLED -> releaseAll(reservation);
      case SOLD -> reservation.lines().forEach(l -> inventory.sell(reservation.orderId(), l));
      case PENDING -> throw new IllegalStateException("settling an undecided reservation");
    }
    return reservation;
  }

  private void releaseAll(Reservation reservation) {
    reservation.lines().forEach(l -> inventory.release(reservation.orderId(), l));
  }
}
