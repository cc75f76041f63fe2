package shop.events;

import java.time.Instant;
import java.util.List;

/**
 * The warehouse received a return's parcel: product puts the units back in stock; notification
 * tells the customer. A {@link RefundIssued} for the lines follows.
 *
 * @param lines the units received, to be restocked
 */
public record ReturnReceived(
    String orderId,
    String userId,
    Customer customer,
    String returnId,
    List<StockLine> lines,
    Instant receivedAt)
    implements ShopEvent {

  @Override
  public String subject() {
    return orderId;
  }
}
