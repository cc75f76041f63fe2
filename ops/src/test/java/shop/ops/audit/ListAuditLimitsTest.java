package shop.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;

class ListAuditLimitsTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final ListAudit list = new ListAudit(log);

  @Test
  void listsOneToAThousandEntriesNewestFirst() {
    log.record(new AuditEntry(T0, "ada", "dlq.replay", "carts", "everything", 1, "ok"));
    log.record(
        new AuditEntry(T0.plusSeconds(1), "bob", "dlq.replay", "carts", "everything", 1, "ok"));

    assertThat(list.list(1)).extracting(AuditEntry::actor).containsExactly("bob");
    assertThat(list.list(1000)).extracting(AuditEntry::actor).containsExactly("bob", "ada");
    assertThatThrownBy(() -> list.list(1001))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("limit");
  }
}
