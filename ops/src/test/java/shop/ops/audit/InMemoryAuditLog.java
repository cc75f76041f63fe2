package shop.ops.audit;

import java.util.ArrayList;
import java.util.List;

/** The audit log in memory, oldest entry first. */
public final class InMemoryAuditLog implements AuditLog {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public void record(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return entries.reversed().stream().limit(limit).toList();
  }

  public List<AuditEntry> entries() {
    return List.copyOf(entries);
  }

  /** The entries that say how an action ended, without the intents recorded before each. */
  public List<AuditEntry> outcomes() {
    return entries.stream().filter(e -> !e.result().equals(AuditTrail.INTENT)).toList();
  }
}
