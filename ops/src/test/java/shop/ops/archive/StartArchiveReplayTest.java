package shop.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.ops.deadletter.Consumer;
import shop.ops.deadletter.Consumers;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

class StartArchiveReplayTest {
  private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

  private final List<String> started = new ArrayList<>();
  private final List<AuditEntry> audited = new ArrayList<>();
  private final ArchiveReplays replays =
      new ArchiveReplays() {
        @Override
        public void start(String name, Instant from, Instant to, Optional<String> rule) {
          started.add(name + " " + from + " " + to + " " + rule.orElse("all"));
        }

        @Override
        public ReplayProgress progress(String name) {
          return new ReplayProgress("RUNNING", NOW.minusSeconds(60), null);
        }
      };
  private final StartArchiveReplay start =
      new StartArchiveReplay(
          new Consumers(
              List.of(new Consumer("carts", "shop-carts", "shop-carts-dlq", "shop-carts"))),
          replays,
          new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
              audited.add(entry);
            }

            @Override
            public List<AuditEntry> latest(int limit) {
              return audited;
            }
          },
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void startsAReplayToOneConsumersRuleAndAuditsIt() {
    var started = start.start(command(NOW.minusSeconds(3600), NOW, "carts"));

    assertThat(started.name()).isEqualTo("ops-" + NOW.toEpochMilli());
    assertThat(started.progress().state()).isEqualTo("RUNNING");
    assertThat(this.started)
        .containsExactly(started.name() + " " + NOW.minusSeconds(3600) + " " + NOW + " shop-carts");
    assertThat(audited)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("archive.replay");
              assertThat(e.target()).isEqualTo("carts");
              assertThat(e.actor()).isEqualTo("ada");
              assertThat(e.selection()).contains("replay=" + started.name());
              assertThat(e.result()).isEqualTo("started");
            });
  }

  @Test
  void withoutAConsumerEveryRuleGetsIt() {
    start.start(command(NOW.minusSeconds(60), NOW, null));

    assertThat(started).singleElement().asString().endsWith(" all");
    assertThat(audited.getFirst().target()).isEqualTo("all");
  }

  @Test
  void refusesAnEmptyOrFutureWindowOrAnUnknownConsumerAndStartsNothing() {
    assertThatThrownBy(() -> command(NOW, NOW, null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("before");
    assertThatThrownBy(() -> command(null, NOW, null)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> command(NOW, null, null)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> start.start(command(NOW, NOW.plusSeconds(1), null)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("future");
    assertThatThrownBy(() -> start.start(command(NOW.minusSeconds(60), NOW, "nobody")))
        .isInstanceOf(NotFoundException.class);
    assertThat(started).isEmpty();
    assertThat(audited).isEmpty();
  }

  @Test
  void showsTheProgressOfAReplayItStartedAndRefusesOtherNames() {
    ShowArchiveReplay show = new ShowArchiveReplay(replays);

    assertThat(show.show(new ShowArchiveReplay.Query("ops-123")).state()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> new ShowArchiveReplay.Query("someone-elses"))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new ShowArchiveReplay.Query(null))
        .isInstanceOf(InvalidFieldException.class);
  }

  private static StartArchiveReplay.Command command(Instant from, Instant to, String consumer) {
    return new StartArchiveReplay.Command(from, to, consumer, "ada");
  }
}
