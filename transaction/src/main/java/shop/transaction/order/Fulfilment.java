package shop.transaction.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What happened to a paid order after payment: its parcels, returns and refunds, and its money
 * apart from its shipping state.
 *
 * @param capturedAmount what the customer paid, minor units; 0 until paid
 * @param refundedAmount what went back to the customer so far, minor units
 */
public record Fulfilment(
    long capturedAmount,
    long refundedAmount,
    List<Shipment> shipments,
    List<OrderReturn> returns,
    List<Refund> refunds) {
  public static final Fulfilment NONE = new Fulfilment(0, 0, List.of(), List.of(), List.of());

  public Fulfilment {
    shipments = List.copyOf(shipments);
    returns = List.copyOf(returns);
    refunds = List.copyOf(refunds);
    if (refundedAmount < 0 || refundedAmount > capturedAmount) {
      throw new IllegalArgumentException("refunded " + refundedAmount + " of " + capturedAmount);
    }
  }

  /**
   * What may still be refunded: captured minus refunded minus what pending refunds set aside, so
   * that two refunds decided at once cannot both take the same money.
   */
  public long refundable() {
    long pending =
        refunds.stream()
            .filter(r -> r.status() == RefundStatus.PENDING)
            .mapToLong(Refund::amount)
            .sum();
    return capturedAmount - refundedAmount - pending;
  }

  public int shipped(String productId) {
    return sum(shipments.stream().flatMap(s -> s.lines().stream()).toList(), productId);
  }

  public int delivered(String productId) {
    return sum(
        shipments.stream().filter(Shipment::delivered).flatMap(s -> s.lines().stream()).toList(),
        productId);
  }

  /** Units asked back, rejected returns excepted. */
  public int returned(String productId) {
    return sum(
        returns.stream().filter(OrderReturn::counts).flatMap(r -> r.lines().stream()).toList(),
        productId);
  }

  public Optional<Shipment> shipment(String id) {
    return shipments.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<OrderReturn> orderReturn(String id) {
    return returns.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Refund> refund(String id) {
    return refunds.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Refund> refundByKey(String idempotencyKey) {
    return refunds.stream().filter(r -> idempotencyKey.equals(r.idempotencyKey())).findFirst();
  }

  Fulfilment captured(long amount) {
    return new Fulfilment(amount, refundedAmount, shipments, returns, refunds);
  }

  Fulfilment refunded(long amount) {
    return new Fulfilment(
        capturedAmount, Math.addExact(refundedAmount, amount), shipments, returns, refunds);
  }

  Fulfilment with(Shipment shipment) {
    return new Fulfilment(
        capturedAmount,
        refundedAmount,
        replace(shipments, shipment, Shipment::id),
        returns,
        refunds);
  }

  Fulfilment with(OrderReturn orderReturn) {
    return new Fulfilment(
        capturedAmount,
        refundedAmount,
        shipments,
        replace(returns, orderReturn, OrderReturn::id),
        refunds);
  }

  Fulfilment with(Refund refund) {
    return new Fulfilment(
        capturedAmount, refundedAmount, shipments, returns, replace(refunds, refund, Refund::id));
  }

  private static int sum(List<ProductQuantity> lines, String productId) {
    return lines.stream()
        .filter(l -> l.productId().equals(productId))
        .mapToInt(ProductQuantity::quantity)
        .sum();
  }

  /** {@code list} with {@code item} in place of the one with its id, or appended. */
  private static <T> List<T> replace(
      List<T> list, T item, java.util.function.Function<T, String> id) {
    List<T> copy = new ArrayList<>(list);
    UnaryOperator<T> swap = t -> id.apply(t).equals(id.apply(item)) ? item : t;
    copy.replaceAll(swap);
    if (!copy.contains(item)) {
      copy.add(item);
    }
    return copy;
  }
}
