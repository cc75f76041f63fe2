package shop.transaction.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.transaction.order.Money;

/** A payment provider that answers what the test says and remembers what it was asked. */
final class FakeGateway implements PaymentGateway {
  final List<ChargeRequest> charges = new ArrayList<>();
  final List<RefundRequest> refunds = new ArrayList<>();

  /** The refunds the provider made (asked for while it was up). */
  final List<RefundRequest> made = new ArrayList<>();

  ChargeOutcome next = new ChargeOutcome.Succeeded("pi_1");
  boolean down;

  /** What happens elsewhere while the provider is charging (a customer cancelling, say). */
  Runnable whileCharging = () -> {};

  /** What the provider holds, by payment id. */
  final Map<String, ProviderPayment> payments = new HashMap<>();

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    charges.add(request);
    whileCharging.run();
    if (down) {
      throw new PaymentUnavailable("Stripe 500", null);
    }
    return next;
  }

  @Override
  public long refund(RefundRequest request) {
    refunds.add(request);
    if (down) {
      throw new PaymentUnavailable("Stripe 500", null);
    }
    made.add(request);
    return request.amount().amount();
  }

  @Override
  public boolean hasRefund(String paymentIntentId, String idempotencyKey) {
    if (down) {
      throw new PaymentUnavailable("Stripe 500", null);
    }
    return made.stream()
        .anyMatch(
            r ->
                r.paymentIntentId().equals(paymentIntentId)
                    && r.idempotencyKey().equals(idempotencyKey));
  }

  @Override
  public Optional<ProviderPayment> payment(String paymentIntentId) {
    if (down) {
      throw new PaymentUnavailable("Stripe 500", null);
    }
    return Optional.ofNullable(payments.get(paymentIntentId));
  }

  /** A payment of {@code orderId} for 49.00 EUR (the fixtures' total) in {@code status}. */
  ProviderPayment holds(String id, String orderId, ProviderPayment.Status status, long refunded) {
    ProviderPayment payment =
        new ProviderPayment(
            id,
            orderId,
            new Money(4900, "EUR"),
            status,
            refunded,
            id + "_secret_x",
            null,
            status == ProviderPayment.Status.FAILED ? "card_declined" : null);
    payments.put(id, payment);
    return payment;
  }
}
