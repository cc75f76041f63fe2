package shop.user.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import shop.user.payment.AttachedCard;
import shop.user.payment.Card;
import shop.user.payment.PaymentGateway;

/** A payment provider that accepts every card as a Visa ending 4242 and remembers the calls. */
public final class FakeGateway implements PaymentGateway {
  public final List<UUID> customersCreated = new ArrayList<>();
  public final List<String> attached = new ArrayList<>();
  public final List<String> detached = new ArrayList<>();
  public final List<String> customersDeleted = new ArrayList<>();
  private RuntimeException failure;

  /** The next customer deletion fails with {@code failure}. */
  public void failDeletingWith(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public String createCustomer(UUID userId, String email, String name) {
    customersCreated.add(userId);
    return "cus_" + userId.toString().substring(0, 8);
  }

  @Override
  public AttachedCard attach(String customerId, String paymentMethodId) {
    attached.add(customerId + "/" + paymentMethodId);
    return new AttachedCard(paymentMethodId, new Card("visa", "4242", 12, 2034));
  }

  @Override
  public void detach(String paymentMethodId) {
    detached.add(paymentMethodId);
  }

  @Override
  public void deleteCustomer(String customerId) {
    if (failure != null) {
      RuntimeException f = failure;
      failure = null;
      throw f;
    }
    customersDeleted.add(customerId);
  }
}
