package shop.notification.delivery;

import java.util.HashMap;
import java.util.Map;

/** The contact book in memory, with the version rule of the DynamoDB one. */
final class InMemoryContactBook implements ContactBook {
  private record Kept(Contact contact, long version) {}

  private final Map<String, Kept> kept = new HashMap<>();

  @Override
  public synchronized LatestContact current(String userId) {
    Kept latest = kept.get(userId);
    if (latest == null) {
      return new LatestContact.Unknown();
    }
    return latest.contact() == null
        ? new LatestContact.Erased()
        : new LatestContact.Known(latest.contact());
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
