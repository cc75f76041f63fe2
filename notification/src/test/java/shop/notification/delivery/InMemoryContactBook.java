package shop.notification.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The contact book in memory, with the version rule of the DynamoDB one. */
final class InMemoryContactBook implements ContactBook {
  private record Kept(Contact contact, long version) {}

  private final Map<String, Kept> kept = new HashMap<>();

  @Override
  public synchronized Optional<Contact> current(String userId) {
    return Optional.ofNullable(kept.get(userId)).map(Kept::contact);
  }

  @Override
  public synchronized void remember(String userId, Contact contact, long version) {
    Kept old = kept.get(userId);
    if (old == null || old.version() < version) {
      kept.put(userId, new Kept(contact, version));
    }
  }

  @Override
  public synchronized void forget(String userId, long version) {
    kept.put(userId, new Kept(null, version));
  }
}
