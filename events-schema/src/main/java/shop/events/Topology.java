package shop.events;

import static shop.events.EventType.CUSTOMER_CONTACT_CHANGED;
import static shop.events.EventType.EMAIL_VERIFICATION_REQUESTED;
import static shop.events.EventType.INVENTORY_REJECTED;
import static shop.events.EventType.INVENTORY_RESERVED;
import static shop.events.EventType.ORDER_CANCELLED;
import static shop.events.EventType.ORDER_CREATED;
import static shop.events.EventType.ORDER_DELIVERED;
import static shop.events.EventType.ORDER_SHIPPED;
import static shop.events.EventType.PASSWORD_RESET_REQUESTED;
import static shop.events.EventType.PAYMENT_ACTION_REQUIRED;
import static shop.events.EventType.PAYMENT_CAPTURED;
import static shop.events.EventType.PAYMENT_FAILED;
import static shop.events.EventType.REFUND_ISSUED;
import static shop.events.EventType.REGISTRATION_ATTEMPTED;
import static shop.events.EventType.RETURN_RECEIVED;
import static shop.events.EventType.RETURN_REQUESTED;
import static shop.events.EventType.USER_DELETED;
import static shop.events.EventType.USER_REGISTERED;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event topology as data: the bus, its archive, and every subscription. The CDK app, the local
 * cloud and the operator tooling all build from {@link #shop()}; nothing lists these names twice.
 *
 * @param failuresTable DynamoDB table where consumers record why a message failed (read by
 *     operators)
 * @param idempotencyTable DynamoDB ledger of handled events for consumers whose effect is outside a
 *     database
 */
public record Topology(
    String busName,
    String archiveName,
    String failuresTable,
    String idempotencyTable,
    List<Subscription> subscriptions) {

  public Topology {
    subscriptions = List.copyOf(subscriptions);
    long distinct = subscriptions.stream().map(Subscription::consumer).distinct().count();
    if (distinct != subscriptions.size()) {
      throw new IllegalArgumentException("consumer names must be unique");
    }
  }

  private static final Topology SHOP =
      new Topology(
          "shop-events",
          "shop-events-archive",
          "shop-event-failures",
          "shop-idempotency",
          List.of(
              new Subscription(
                  "inventory",
                  "product",
                  Set.of(ORDER_CREATED, PAYMENT_CAPTURED, ORDER_CANCELLED, RETURN_RECEIVED),
                  "shop.product.api.InventoryEventsHandler",
                  5,
                  10,
                  5,
                  60),
              new Subscription(
                  "payments",
                  "transaction",
                  Set.of(INVENTORY_RESERVED, INVENTORY_REJECTED),
                  "shop.transaction.api.PaymentEventsHandler",
                  5,
                  10,
                  // Its calls wait on Stripe (about 0.5 s an order): 5 at a time is 98 % busy at
                  // 10 orders/s, docs/CAPACITY.md's lowest rate; 10 leaves half free.
                  10,
                  120),
              new Subscription(
                  "notifications",
                  "notification",
                  Set.of(
                      USER_REGISTERED,
                      EMAIL_VERIFICATION_REQUESTED,
                      PASSWORD_RESET_REQUESTED,
                      REGISTRATION_ATTEMPTED,
                      ORDER_CREATED,
                      PAYMENT_CAPTURED,
                      PAYMENT_FAILED,
                      PAYMENT_ACTION_REQUIRED,
                      ORDER_CANCELLED,
                      ORDER_SHIPPED,
                      ORDER_DELIVERED,
                      RETURN_REQUESTED,
                      RETURN_RECEIVED,
                      REFUND_ISSUED,
                      CUSTOMER_CONTACT_CHANGED,
                      USER_DELETED),
                  "shop.notification.api.NotificationEventsHandler",
                  5,
                  10,
                  5,
                  60),
              new Subscription(
                  "carts",
                  "user",
                  Set.of(ORDER_CREATED),
                  "shop.user.api.CartEventsHandler",
                  5,
                  10,
                  2,
                  60),
              new Subscription(
                  "erasures",
                  "transaction",
                  Set.of(USER_DELETED),
                  "shop.transaction.api.ErasureEventsHandler",
                  5,
                  10,
                  2,
                  60),
              // Every event, new types included: the trail keeps those that name an order.
              new Subscription(
                  "trail",
                  "ops",
                  EnumSet.allOf(EventType.class),
                  "shop.ops.api.TrailEventsHandler",
                  5,
                  10,
                  2,
                  60)));

  /** The shop's topology. */
  public static Topology shop() {
    return SHOP;
  }

  public Optional<Subscription> subscription(String consumer) {
    return subscriptions.stream().filter(s -> s.consumer().equals(consumer)).findFirst();
  }

  /** The services that publish events, each with an outbox, in name order. */
  public List<String> publishers() {
    return java.util.Arrays.stream(EventType.values())
        .map(EventType::service)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * The function through which operators reach {@code service}'s outbox (the platform's {@code
   * OutboxOperations}): what the CDK app names it and what the ops tooling invokes.
   */
  public static String outboxFunction(String service) {
    return "shop-" + service + "-outbox-ops";
  }

  /** The consumers of {@code type}. */
  public List<Subscription> consumersOf(EventType type) {
    return subscriptions.stream().filter(s -> s.events().contains(type)).toList();
  }
}
