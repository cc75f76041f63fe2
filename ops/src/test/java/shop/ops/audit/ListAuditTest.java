package shop.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;

class ListAuditTest {
  private static final AuditEntry REPLAY =
      new AuditEntry(
          Instant.parse("2026-11-24T10:00:00Z"),
          "ada",
          "dlq.replay",
          "carts",
          "everything",
          1,
          "ok");

  private final ListAudit list =
      new ListAudit(
          new AuditLog() {
            @Override
            public void record(AuditEntry entry) {}

            @Override
            public List<AuditEntry> latest(int limit) {
              return List.of(REPLAY);
            }
          });

  @Test
  void listsTheLatestEntries() {
    assertThat(list.list(10)).containsExactly(REPLAY);
  }

  @Test
  void aLimitOutOfRangeNamesTheLimit() {
    assertThatThrownBy(() -> list.list(0))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("limit");
  }
}
