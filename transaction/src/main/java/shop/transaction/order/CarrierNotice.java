package shop.transaction.order;

/**
 * A carrier's news about a parcel, its signature checked.
 *
 * @param eventId the carrier's id of the notice: a repeated notice is handled once
 * @param type what happened; only {@code delivered} changes anything
 */
public record CarrierNotice(String eventId, String type, String carrier, String trackingNumber) {
  public static final String DELIVERED = "delivered";
}
