package shop.transaction.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where orders live. Each write is one transaction that stores the order, its history and its
 * events (for publishing) together, or nothing.
 */
public interface OrderRepository {
  Optional<Order> find(String orderId);

  List<HistoryEntry> history(String orderId);

  Optional<IdempotentRequest> findRequest(String userId, String key);

  /**
   * Stores a new order with the request that placed it, unless the request's key is already taken
   * or its customer already holds {@code maxUnpaid} unpaid orders; the count and the insert are one
   * step, so concurrent checkouts of one customer cannot pass the limit together.
   */
  Creation create(Changed placed, IdempotentRequest request, int maxUnpaid);

  /**
   * Stores {@code change} if the order is still at its expected version and, when {@code handled}
   * is not null, that message was not handled before (recording it as handled).
   */
  Saved save(Changed change, HandledMessage handled);

  /** Records a message whose effect was nothing; false when it was recorded before. */
  boolean markHandled(HandledMessage handled);

  /** A user's orders, newest first, after {@code cursor} (null for the first page). */
  OrderPage ofUser(String userId, PageCursor cursor, int limit);

  /** Every order (or those in {@code status}, when not null), newest first. */
  OrderPage all(OrderStatus status, PageCursor cursor, int limit);

  /**
   * Orders matching {@code search}, newest first, after {@code cursor} (null for the first page).
   */
  OrderPage search(OrderSearch search, PageCursor cursor, int limit);

  /** The order a shipment belongs to. */
  Optional<String> orderOfShipment(String shipmentId);

  /** The order whose parcel {@code carrier} tracks by {@code trackingNumber}. */
  Optional<String> orderOfTracking(String carrier, String trackingNumber);

  /** The order a return belongs to. */
  Optional<String> orderOfReturn(String returnId);

  /**
   * Replaces the person on every order of {@code userId} (email, name, phone, the shipping name,
   * street, city and postal code) with {@link Customer#ERASED}'s placeholders; keeps the lines,
   * amounts, payment references and the shipping country, which the accounts need. Returns how many
   * orders changed: none when they were anonymised before.
   */
  int anonymiseCustomer(String userId);

  /** Orders in one of {@code statuses} created before {@code createdBefore}, oldest first. */
  List<Order> stuck(Set<OrderStatus> statuses, Instant createdBefore, int limit);

  /** Orders with a PENDING refund started before {@code startedBefore}, oldest refund first. */
  List<Order> withPendingRefunds(Instant startedBefore, int limit);
}
