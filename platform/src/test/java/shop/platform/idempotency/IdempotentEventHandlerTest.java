package shop.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.platform.testing.EventFixtures.userRegistered;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.events.EventEnvelope;
import shop.events.UserRegistered;

class IdempotentEventHandlerTest {
  private final InMemoryLedger ledger = new InMemoryLedger();
  private final List<String> sent = new ArrayList<>();

  @Test
  void runsTheHandlerOnceAndCompletesTheEvent() {
    var handler =
        new IdempotentEventHandler<UserRegistered>("notifications", ledger, e -> sent.add(e.id()));
    EventEnvelope<UserRegistered> event = userRegistered();

    handler.handle(event);
    handler.handle(event);

    assertThat(sent).containsExactly(event.id());
    assertThat(ledger.status("notifications", event.id())).isEqualTo("COMPLETED");
  }

  @Test
  void failsWhileAnotherAttemptHoldsTheEvent() {
    var handler =
        new IdempotentEventHandler<UserRegistered>("notifications", ledger, e -> sent.add(e.id()));
    EventEnvelope<UserRegistered> event = userRegistered();
    ledger.begin("notifications", event.id());

    assertThatThrownBy(() -> handler.handle(event)).isInstanceOf(EventInProgressException.class);
    assertThat(sent).isEmpty();
  }

  @Test
  void releasesTheClaimWhenTheHandlerFailsSoTheRetryRuns() {
    List<String> calls = new ArrayList<>();
    var handler =
        new IdempotentEventHandler<UserRegistered>(
            "notifications",
            ledger,
            e -> {
              calls.add(e.id());
              if (calls.size() == 1) {
                throw new IllegalStateException("mail server down");
              }
            });
    EventEnvelope<UserRegistered> event = userRegistered();

    assertThatThrownBy(() -> handler.handle(event)).hasMessage("mail server down");
    handler.handle(event);

    assertThat(calls).hasSize(2);
    assertThat(ledger.status("notifications", event.id())).isEqualTo("COMPLETED");
  }

  @Test
  void keepsTheHandlersFailureWhenReleaseFailsToo() {
    IdempotencyLedger broken =
        new InMemoryLedger() {
          @Override
          public void release(String consumer, String eventId) {
            throw new IllegalStateException("ledger unreachable");
          }
        };
    var handler =
        new IdempotentEventHandler<UserRegistered>(
            "notifications",
            broken,
            e -> {
              throw new IllegalArgumentException("bad address");
            });

    assertThatThrownBy(() -> handler.handle(userRegistered()))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }

  @Test
  void succeedsWhenOnlyTheCompletionCannotBeWritten() {
    IdempotencyLedger broken =
        new InMemoryLedger() {
          @Override
          public void complete(String consumer, String eventId) {
            throw new IllegalStateException("ledger unreachable");
          }
        };
    var handler =
        new IdempotentEventHandler<UserRegistered>("notifications", broken, e -> sent.add(e.id()));

    handler.handle(userRegistered());

    assertThat(sent).hasSize(1);
  }

  /** A ledger in a map, without expiry. */
  static class InMemoryLedger implements IdempotencyLedger {
    private final Map<String, String> statuses = new HashMap<>();

    @Override
    public Claim begin(String consumer, String eventId) {
      String status = statuses.putIfAbsent(consumer + ":" + eventId, "IN_PROGRESS");
      if (status == null) {
        return Claim.STARTED;
      }
      return status.equals("COMPLETED") ? Claim.ALREADY_DONE : Claim.IN_PROGRESS;
    }

    @Override
    public void complete(String consumer, String eventId) {
      statuses.put(consumer + ":" + eventId, "COMPLETED");
    }

    @Override
    public void release(String consumer, String eventId) {
      statuses.remove(consumer + ":" + eventId, "IN_PROGRESS");
    }

    String status(String consumer, String eventId) {
      return statuses.get(consumer + ":" + eventId);
    }
  }
}
