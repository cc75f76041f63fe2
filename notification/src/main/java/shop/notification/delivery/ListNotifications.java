package shop.notification.delivery;

import java.util.List;

/** The delivery log: what was sent to a user, or about an order, newest first. */
public final class ListNotifications {
  private final SendLedger ledger;

  public ListNotifications(SendLedger ledger) {
    this.ledger = ledger;
  }

  public List<Delivery> handle(NotificationQuery query) {
    return query.userId() != null
        ? ledger.ofUser(query.userId(), query.limit())
        : ledger.ofOrder(query.orderId(), query.limit());
  }
}
