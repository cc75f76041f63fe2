package shop.user.fakes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.platform.domain.ConflictException;
import shop.user.payment.Card;
import shop.user.payment.PaymentMethod;
import shop.user.payment.PaymentMethods;

/** Saved cards in a map. */
public final class InMemoryPaymentMethods implements PaymentMethods {
  private final Map<String, PaymentMethod> methods = new LinkedHashMap<>();

  @Override
  public List<PaymentMethod> list(UUID userId) {
    return methods.values().stream().filter(m -> m.userId().equals(userId)).toList();
  }

  @Override
  public Optional<PaymentMethod> find(UUID userId, String id) {
    return Optional.ofNullable(methods.get(id)).filter(m -> m.userId().equals(userId));
  }

  @Override
  public PaymentMethod add(UUID userId, String id, Card card, Instant now) {
    PaymentMethod existing = methods.get(id);
    if (existing != null && !existing.userId().equals(userId)) {
      throw new ConflictException("saved by another account");
    }
    return methods.computeIfAbsent(
        id, k -> new PaymentMethod(id, userId, card, list(userId).isEmpty(), now));
  }

  @Override
  public boolean delete(UUID userId, String id) {
    return find(userId, id).map(m -> methods.remove(id)).isPresent();
  }

  @Override
  public boolean makeDefault(UUID userId, String id) {
    if (find(userId, id).isEmpty()) {
      return false;
    }
    for (PaymentMethod m : list(userId)) {
      methods.put(
          m.id(), new PaymentMethod(m.id(), userId, m.card(), m.id().equals(id), m.createdAt()));
    }
    return true;
  }
}
