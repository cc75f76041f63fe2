package shop.ops.audit;

import java.util.List;
import shop.platform.domain.InvalidFieldException;

/** Shows who replayed or discarded what, newest first. */
public final class ListAudit {
  private final AuditLog log;

  public ListAudit(AuditLog log) {
    this.log = log;
  }

  public List<AuditEntry> list(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidFieldException("limit", "must be between 1 and 1000");
    }
    return log.latest(limit);
  }
}
