package shop.transaction.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A customer's checkout.
 *
 * @param stripeCustomerId from the customer's token, or null
 * @param expectedTotal the total the customer saw, or null to accept the server's prices
 */
public record PlaceOrderCommand(
    String userId,
    String idempotencyKey,
    Customer customer,
    String stripeCustomerId,
    List<ItemRequest> items,
    String paymentMethodId,
    ShippingAddress shippingAddress,
    Long expectedTotal) {

  public PlaceOrderCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(paymentMethodId, "paymentMethodId");
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    items = List.copyOf(items);
    if (items.isEmpty() || items.size() > Order.MAX_LINES) {
      throw new IllegalArgumentException("an order has 1.." + Order.MAX_LINES + " items");
    }
    var seen = new HashSet<String>();
    for (ItemRequest item : items) {
      if (!seen.add(item.productId())) {
        throw new IllegalArgumentException("product " + item.productId() + " is listed twice");
      }
    }
  }

  /**
   * A fingerprint of what was asked (not of who asked or under which key): the same key must come
   * with the same fingerprint.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    for (ItemRequest item : items) {
      field(canonical, item.productId());
      field(canonical, Integer.toString(item.quantity()));
    }
    field(canonical, paymentMethodId);
    field(canonical, shippingAddress.name());
    field(canonical, shippingAddress.line1());
    field(canonical, shippingAddress.line2());
    field(canonical, shippingAddress.city());
    field(canonical, shippingAddress.postalCode());
    field(canonical, shippingAddress.country());
    field(canonical, expectedTotal == null ? null : expectedTotal.toString());
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // Length-prefixed, so that no choice of values can make two different requests read alike.
  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("-;");
    } else {
      out.append(value.length()).append(':').append(value).append(';');
    }
  }
}
