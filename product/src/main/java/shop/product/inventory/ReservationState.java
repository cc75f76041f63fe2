package shop.product.inventory;

/**
 * Where an order's reservation is. {@code PENDING} while lines are being held; then decided {@code
 * RESERVED} (every line held) or {@code REJECTED} (nothing stays held); a reserved order ends
 * {@code SOLD} (payment captured) or {@code CANCELLED} (its holds released). A cancellation that
 * arrives before the order is seen leaves a {@code CANCELLED} reservation without lines, so a late
 * OrderCreated reserves nothing.
 */
public enum ReservationState {
  PENDING,
  RESERVED,
  REJECTED,
  CANCELLED,
  SOLD
}
