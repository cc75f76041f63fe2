package shop.notification.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Remembers every send by its {@link DeliveryKey}, so that a redelivered or replayed event never
 * sends twice. A claim is a lease: a consumer that crashes between sending and recording loses it
 * when the lease ends, and the next delivery of the event sends again (with the same provider
 * reference).
 */
public interface SendLedger {

  /**
   * Claims {@code delivery} (status SENDING) until {@code leaseUntil}: granted when it is new, or
   * SENDING with an ended lease.
   */
  Claim claim(Delivery delivery, Instant leaseUntil);

  /** Records that the provider accepted the send. */
  void sent(DeliveryKey key, SendReceipt receipt, Instant now);

  /** Records that the provider refused the send for good. */
  void failed(DeliveryKey key, String reason, Instant now);

  /** Gives the claim back after a passing failure, so that the next delivery retries at once. */
  void release(DeliveryKey key, String reason, Instant now);

  /** The user's sends, newest first. */
  List<Delivery> ofUser(String userId, int limit);

  /** The sends about an order, newest first. */
  List<Delivery> ofOrder(String orderId, int limit);

  /**
   * Replaces the recipient (address or number) of every send to {@code userId} with {@link
   * DeliveryKey#ERASED}, keeping the rest of each record.
   */
  void eraseRecipients(String userId);
}
