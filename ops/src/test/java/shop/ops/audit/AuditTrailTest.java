package shop.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private final List<AuditEntry> entries = new ArrayList<>();
  private final AuditLog log =
      new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
          entries.add(entry);
        }

        @Override
        public List<AuditEntry> latest(int limit) {
          return entries;
        }
      };
  private final AuditTrail trail =
      new AuditTrail(log, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void theIntentIsRecordedBeforeTheActionAndTheOutcomeAfter() {
    AuditTrail.Action action = trail.begin("ada", "dlq.replay", "inventory", "everything");
    assertThat(entries).singleElement().extracting(AuditEntry::result).isEqualTo("intent");

    action.finished(3, "ok");

    assertThat(entries).extracting(AuditEntry::result).containsExactly("intent", "ok");
    assertThat(entries.getLast().count()).isEqualTo(3);
    assertThat(entries.getLast().actor()).isEqualTo("ada");
  }

  @Test
  void anActionStoppedByAFailureSaysSo() {
    AuditTrail.Action action = trail.begin("ada", "outbox.retry", "user", "every parked event");

    assertThatThrownBy(
            () -> {
              throw action.failed(new IllegalStateException("Lambda unreachable"));
            })
        .isInstanceOf(IllegalStateException.class);

    assertThat(entries)
        .extracting(AuditEntry::result)
        .containsExactly("intent", "failed: IllegalStateException");
  }
}
