package shop.user.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.user.account.SecurityEvent;
import shop.user.account.SecurityEvents;

/** Keeps the security events it was given. */
public final class RecordingSecurityEvents implements SecurityEvents {
  public final List<SecurityEvent> recorded = new CopyOnWriteArrayList<>();

  @Override
  public void record(SecurityEvent event) {
    recorded.add(event);
  }

  public List<SecurityEvent.Kind> kinds() {
    return recorded.stream().map(SecurityEvent::kind).toList();
  }
}
