package shop.transaction.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The repository port in memory, with the same version and inbox rules as PostgreSQL. */
public final class InMemoryOrders implements OrderRepository {
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final Map<String, List<HistoryEntry>> histories = new ConcurrentHashMap<>();
  private final Map<String, IdempotentRequest> requests = new ConcurrentHashMap<>();
  private final Set<HandledMessage> handled = new HashSet<>();
  private final List<OrderEvent> events = new ArrayList<>();

  /** What another writer does right after each read of an order (a test's race). */
  public java.util.function.Consumer<Order> afterFind = order -> {};

  public synchronized void put(Order order) {
    orders.put(order.id(), order);
  }

  /** Every event stored, in order. */
  public synchronized List<OrderEvent> events() {
    return List.copyOf(events);
  }

  public synchronized boolean wasHandled(HandledMessage message) {
    return handled.contains(message);
  }

  @Override
  public synchronized Optional<Order> find(String orderId) {
    Optional<Order> found = Optional.ofNullable(orders.get(orderId));
    found.ifPresent(afterFind);
    return found;
  }

  @Override
  public synchronized List<HistoryEntry> history(String orderId) {
    return List.copyOf(histories.getOrDefault(orderId, List.of()));
  }

  @Override
  public synchronized Optional<IdempotentRequest> findRequest(String userId, String key) {
    return Optional.ofNullable(requests.get(userId + "/" + key));
  }

  @Override
  public synchronized Creation create(Changed placed, IdempotentRequest request, int maxUnpaid) {
    if (requests.containsKey(request.userId() + "/" + request.key())) {
      return new Creation.KeyTaken();
    }
    List<Order> unpaid =
        orders.values().stream()
            .filter(o -> o.userId().equals(request.userId()))
            .filter(o -> OrderStatus.UNPAID.contains(o.status()))
            .sorted(Comparator.comparing(Order::createdAt))
            .toList();
    if (unpaid.size() >= maxUnpaid) {
      return new Creation.TooManyOpen(unpaid.get(0).createdAt());
    }
    requests.put(request.userId() + "/" + request.key(), request);
    store(placed);
    return new Creation.Created();
  }

  @Override
  public synchronized Saved save(Changed change, HandledMessage message) {
    if (message != null && handled.contains(message)) {
      return Saved.ALREADY_HANDLED;
    }
    Order current = orders.get(change.after().id());
    if (current == null || current.version() != change.expectedVersion()) {
      return Saved.CONFLICT;
    }
    if (message != null) {
      handled.add(message);
    }
    store(change);
    return Saved.SAVED;
  }

  @Override
  public synchronized boolean markHandled(HandledMessage message) {
    return handled.add(message);
  }

  @Override
  public synchronized OrderPage ofUser(String userId, PageCursor cursor, int limit) {
    return page(orders.values().stream().filter(o -> o.isOwnedBy(userId)).toList(), cursor, limit);
  }

  @Override
  public synchronized OrderPage all(OrderStatus status, PageCursor cursor, int limit) {
    return page(
        orders.values().stream().filter(o -> status == null || o.status() == status).toList(),
        cursor,
        limit);
  }

  @Override
  public synchronized OrderPage search(OrderSearch search, PageCursor cursor, int limit) {
    return page(
        orders.values().stream()
            .filter(o -> search.status() == null || o.status() == search.status())
            .filter(
                o ->
                    search.customer() == null
                        || o.userId().equals(search.customer())
                        || o.customer().email().equalsIgnoreCase(search.customer()))
            .filter(o -> search.from() == null || !o.createdAt().isBefore(search.from()))
            .filter(o -> search.to() == null || o.createdAt().isBefore(search.to()))
            .toList(),
        cursor,
        limit);
  }

  @Override
  public synchronized Optional<String> orderOfShipment(String shipmentId) {
    return orders.values().stream()
        .filter(o -> o.fulfilment().shipment(shipmentId).isPresent())
        .map(Order::id)
        .findFirst();
  }

  @Override
  public synchronized Optional<String> orderOfTracking(String carrier, String trackingNumber) {
    return orders.values().stream()
        .filter(
            o ->
                o.fulfilment().shipments().stream()
                    .anyMatch(
                        s ->
                            s.carrier().equals(carrier)
                                && s.trackingNumber().equals(trackingNumber)))
        .map(Order::id)
        .findFirst();
  }

  @Override
  public synchronized Optional<String> orderOfReturn(String returnId) {
    return orders.values().stream()
        .filter(o -> o.fulfilment().orderReturn(returnId).isPresent())
        .map(Order::id)
        .findFirst();
  }

  @Override
  public synchronized int anonymiseCustomer(String userId) {
    int changed = 0;
    for (Order o : List.copyOf(orders.values())) {
      if (o.userId().equals(userId) && !o.customer().equals(Customer.ERASED)) {
        ShippingAddress a = o.shippingAddress();
        orders.put(
            o.id(),
            new Order(
                o.id(),
                o.userId(),
                Customer.ERASED,
                o.lines(),
                o.total(),
                o.paymentMethodId(),
                o.stripeCustomerId(),
                new ShippingAddress(
                    Customer.ERASED.name(), "erased", null, "erased", "erased", a.country()),
                o.status(),
                o.version(),
                o.createdAt(),
                o.updatedAt(),
                o.paymentIntentId()));
        changed++;
      }
    }
    return changed;
  }

  @Override
  public synchronized List<Order> stuck(
      Set<OrderStatus> statuses, Instant createdBefore, int limit) {
    return orders.values().stream()
        .filter(o -> statuses.contains(o.status()) && o.createdAt().isBefore(createdBefore))
        .sorted(Comparator.comparing(Order::createdAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Order> withPendingRefunds(Instant startedBefore, int limit) {
    return orders.values().stream()
        .filter(o -> pendingSince(o) != null && pendingSince(o).isBefore(startedBefore))
        .sorted(Comparator.comparing(InMemoryOrders::pendingSince))
        .limit(limit)
        .toList();
  }

  private static Instant pendingSince(Order order) {
    return order.fulfilment().refunds().stream()
        .filter(r -> r.status() == RefundStatus.PENDING)
        .map(Refund::createdAt)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  private void store(Changed change) {
    Order after = change.after();
    orders.put(after.id(), after);
    for (OrderEvent e : change.events()) {
      histories
          .computeIfAbsent(after.id(), k -> new ArrayList<>())
          .add(new HistoryEntry(e.sequence(), e.name(), e.status(), e.at()));
      events.add(e);
    }
  }

  private static OrderPage page(List<Order> matching, PageCursor cursor, int limit) {
    Comparator<Order> newestFirst =
        Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed();
    List<Order> sorted =
        matching.stream()
            .sorted(newestFirst)
            .filter(
                o ->
                    cursor == null
                        || o.createdAt().isBefore(cursor.createdAt())
                        || (o.createdAt().equals(cursor.createdAt())
                            && o.id().compareTo(cursor.orderId()) < 0))
            .toList();
    List<Order> page = sorted.stream().limit(limit).toList();
    return new OrderPage(
        page, sorted.size() > limit ? PageCursor.after(page.get(page.size() - 1)) : null);
  }
}
