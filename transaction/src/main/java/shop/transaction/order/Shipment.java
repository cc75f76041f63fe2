package shop.transaction.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One parcel of an order, as handed to a carrier.
 *
 * @param trackingUrl where the customer follows it, or null
 * @param deliveredAt when the carrier delivered it, or null while it travels
 */
public record Shipment(
    String id,
    String carrier,
    String trackingNumber,
    String trackingUrl,
    List<ProductQuantity> lines,
    Instant shippedAt,
    Instant deliveredAt) {

  public Shipment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(shippedAt, "shippedAt");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a shipment holds at least one line");
    }
  }

  public boolean delivered() {
    return deliveredAt != null;
  }

  Shipment deliver(Instant at) {
    return new Shipment(id, carrier, trackingNumber, trackingUrl, lines, shippedAt, at);
  }
}
