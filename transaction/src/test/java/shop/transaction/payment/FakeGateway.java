package shop.transaction.payment;

import java.util.ArrayList;
import java.util.List;

/** A payment provider that answers what the test says and remembers what it was asked. */
final class FakeGateway implements PaymentGateway {
  final List<ChargeRequest> charges = new ArrayList<>();
  final List<RefundRequest> refunds = new ArrayList<>();
  ChargeOutcome next = new ChargeOutcome.Succeeded("pi_1");
  boolean down;

  @Override
  public ChargeOutcome charge(ChargeRequest request) {
    charges.add(request);
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
    return request.amount().amount();
  }
}
