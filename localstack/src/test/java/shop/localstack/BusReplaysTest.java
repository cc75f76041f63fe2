package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BusReplaysTest {
  private static final Arns ARNS = new Arns("us-east-1", "000000000000");
  private final BusArchives archives = new BusArchives(ARNS);
  private final Instant now = Instant.parse("2030-01-02T03:04:05Z");

  @Test
  void cancellingARunningReplayStopsItBeforeItsNextEvent() {
    archives.create(
        "orders", "default", ARNS.bus("default"), new BusArchives.Update(null, null, null));
    for (int i = 1; i <= 3; i++) {
      BusEvent event =
          new BusEvent(
              "event-" + i,
              "default",
              "shop.transaction",
              "OrderCreated",
              now.minusSeconds(60L * i),
              List.of(),
              JsonNodeFactory.instance.objectNode(),
              null,
              10,
              null);
      archives.record(event, event.envelope("us-east-1", "000000000000").toString());
    }
    List<Runnable> held = new ArrayList<>();
    BusReplays replays = new BusReplays(ARNS, archives, held::add);
    List<String> delivered = new ArrayList<>();
    AtomicReference<BusReplays.Replay> cancelled = new AtomicReference<>();
    replays.start(
        new BusReplays.Request(
            "stopped",
            null,
            ARNS.archive("orders"),
            now.minusSeconds(3600),
            now,
            ARNS.bus("default"),
            List.of()),
        (event, onlyRules) -> {
          delivered.add(event.id());
          cancelled.compareAndSet(null, replays.cancel("stopped"));
        });

    held.forEach(Runnable::run);

    assertThat(cancelled.get().state()).isEqualTo(BusReplays.CANCELLING);
    assertThat(delivered).containsExactly("event-3");
    BusReplays.Replay replay = replays.replay("stopped");
    assertThat(replay.state()).isEqualTo(BusReplays.CANCELLED);
    assertThat(replay.lastReplayed()).isEqualTo(now.minusSeconds(180));
    assertThat(replay.ended()).isNotNull();
  }
}
