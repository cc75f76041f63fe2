package shop.transaction.order;

import java.time.Instant;
import java.util.List;

/** Test data: orders in every status, built through the domain's own transitions. */
public final class OrderFixtures {
  public static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");
  public static final String USER = "user-1";

  private OrderFixtures() {}

  public static Customer ada() {
    return new Customer("ada@example.com", "Ada Lovelace", "+447700900123", false);
  }

  public static ShippingAddress address() {
    return new ShippingAddress("Ada Lovelace", "1 Analytical St", null, "London", "N1 9GU", "GB");
  }

  public static List<OrderLine> twoLines() {
    return List.of(
        new OrderLine("p-mug", "MUG-001", "Enamel mug", 2, 1250),
        new OrderLine("p-tee", "TEE-042", "Organic tee", 1, 2400));
  }

  public static Changed placed(String id) {
    return Order.place(id, USER, ada(), twoLines(), "EUR", "pm_card_visa", "cus_1", address(), T0);
  }

  public static Order pending() {
    return placed("order-1").after();
  }

  /**
   * A pending order paid with {@code paymentMethodId} by a token that carried no Stripe customer
   * (issued before the customer's first card).
   */
  public static Order pendingWithoutCustomer(String paymentMethodId) {
    return Order.place(
            "order-1", USER, ada(), twoLines(), "EUR", paymentMethodId, null, address(), T0)
        .after();
  }

  public static Order reserved() {
    return pending().reserve(T0.plusSeconds(1)).after();
  }

  public static Order actionRequired() {
    return reserved().requireAction("pi_1", "https://stripe.test/3ds", T0.plusSeconds(2)).after();
  }

  public static Order paid() {
    return reserved().capture("pi_1", T0.plusSeconds(2)).after();
  }

  public static Order cancelled() {
    return pending().cancel(CancelReason.CUSTOMER_REQUEST, T0.plusSeconds(1)).after();
  }

  /** A paid order whose two lines left in one parcel. */
  public static Order shipped() {
    return OrderShipping.ship(
            paid(), "ship-1", "DHL", "JD0001", null, List.of(), T0.plusSeconds(10))
        .after();
  }

  /** A shipped order whose parcel arrived at {@code T0 + 1 day}. */
  public static Order delivered() {
    return OrderShipping.deliver(shipped(), "ship-1", T0.plusSeconds(86_400)).after();
  }

  public static Order refunded() {
    return paid().refund(CancelReason.CUSTOMER_REQUEST, 4900, T0.plusSeconds(3)).after();
  }
}
