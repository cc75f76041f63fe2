package shop.ops.audit;

import java.util.List;

/** Where operator actions are recorded (port; DynamoDB). */
public interface AuditLog {
  void record(AuditEntry entry);

  /** The latest entries, newest first. */
  List<AuditEntry> latest(int limit);
}
