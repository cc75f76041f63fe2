package shop.product.inventory;

/**
 * Where the outcome of a decided reservation is recorded for publication (port): a durable outbox
 * whose entry id follows from the order id and the outcome, so recording it again changes nothing.
 */
public interface ReservationEvents {

  /**
   * Records the InventoryReserved or InventoryRejected event of a RESERVED or REJECTED reservation.
   */
  void record(Reservation decided);
}
