package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.events.EventEnvelope;
import shop.events.PasswordResetRequested;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;
import shop.platform.testing.EventFixtures;

class DeadLetterUseCasesTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Consumer INVENTORY =
      new Consumer("inventory", "shop-inventory", "shop-inventory-dlq", "shop-inventory");

  private final InMemoryQueues queues = new InMemoryQueues();
  private final List<AuditEntry> audited = new ArrayList<>();
  private final AuditLog audit =
      new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
          audited.add(entry);
        }

        @Override
        public List<AuditEntry> latest(int limit) {
          return audited;
        }
      };
  private final Consumers consumers = new Consumers(List.of(INVENTORY));
  private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
  private final ReplayDeadLetters replay =
      new ReplayDeadLetters(consumers, queues, audit, clock, duration -> {});

  @BeforeEach
  void deadLetters() {
    queues.put("shop-inventory-dlq", InMemoryQueues.letter("e1", "OrderCreated", T0));
    queues.put(
        "shop-inventory-dlq", InMemoryQueues.letter("e2", "OrderCancelled", T0.plusSeconds(60)));
    queues.put(
        "shop-inventory-dlq", InMemoryQueues.letter("e3", "OrderCreated", T0.plusSeconds(120)));
  }

  @Test
  void aSelectiveReplayMovesOnlyTheSelectedIds() {
    ReplayOutcome outcome =
        replay.replay(
            "inventory", new Selection(Set.of("e2"), null, null, null), false, 100, "ada");

    assertThat(outcome.moved()).isEqualTo(1);
    assertThat(queues.in("shop-inventory")).extracting(DeadLetter::eventId).containsExactly("e2");
    assertThat(queues.visibleIn("shop-inventory-dlq"))
        .extracting(DeadLetter::eventId)
        .containsExactly("e1", "e3");
    assertThat(audited).extracting(AuditEntry::action).containsOnly("dlq.replay");
    assertThat(audited).extracting(AuditEntry::result).containsExactly("intent", "ok");
  }

  @Test
  void everythingInARuleTargetsDeadLetterQueueIsReplayedOneByOneToTheConsumersQueue() {
    Consumer undeliverable =
        Consumer.undeliverable(
            "inventory", "shop-inventory", "shop-inventory-undeliverable", "shop-inventory");
    queues.put("shop-inventory-undeliverable", InMemoryQueues.letter("u1", "OrderCreated", T0));
    queues.put("shop-inventory-undeliverable", InMemoryQueues.letter("u2", "OrderCreated", T0));
    ReplayDeadLetters replayEither =
        new ReplayDeadLetters(
            new Consumers(List.of(INVENTORY, undeliverable)), queues, audit, clock, d -> {});

    ReplayOutcome outcome =
        replayEither.replay("inventory-undeliverable", Selection.everything(), false, 100, "ada");

    // SQS's move task takes only a queue's redrive DLQ; a target's DLQ is not one.
    assertThat(queues.moveTasks).isZero();
    assertThat(outcome.method()).isEqualTo("one-by-one");
    assertThat(outcome.moved()).isEqualTo(2);
    assertThat(queues.in("shop-inventory"))
        .extracting(DeadLetter::eventId)
        .containsExactlyInAnyOrder("u1", "u2");
    assertThat(queues.visibleIn("shop-inventory-undeliverable")).isEmpty();
    assertThat(queues.visibleIn("shop-inventory-dlq")).hasSize(3);
  }

  @Test
  void aFailedSendLeavesTheMessageInTheDeadLetterQueue() {
    queues.refuseSendsOf.add("e3");

    ReplayOutcome outcome =
        replay.replay(
            "inventory", new Selection(null, "OrderCreated", null, null), false, 100, "ada");

    assertThat(outcome.moved()).isEqualTo(1);
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(outcome.complete()).isFalse();
    assertThat(queues.visibleIn("shop-inventory-dlq"))
        .extracting(DeadLetter::eventId)
        .containsExactly("e2", "e3");
    assertThat(audited.getLast().result()).startsWith("partial");
  }

  @Test
  void aDryRunChangesNothing() {
    ReplayOutcome outcome =
        replay.replay(
            "inventory", new Selection(null, null, T0.plusSeconds(30), null), true, 100, "ada");

    assertThat(outcome.selected()).extracting(DeadLetter::eventId).containsExactly("e2", "e3");
    assertThat(queues.in("shop-inventory")).isEmpty();
    assertThat(queues.visibleIn("shop-inventory-dlq")).hasSize(3);
    assertThat(audited).isEmpty();
  }

  @Test
  void replayingEverythingUsesTheMoveTask() {
    ReplayOutcome outcome = replay.replay("inventory", Selection.everything(), false, 100, "ada");

    assertThat(outcome.method()).isEqualTo("move-task");
    assertThat(queues.moveTasks).isEqualTo(1);
    assertThat(queues.in("shop-inventory")).hasSize(3);
    assertThat(queues.in("shop-inventory-dlq")).isEmpty();
  }

  @Test
  void inspectingConsumesNothingAndAddsReasons() {
    InspectDeadLetters inspect =
        new InspectDeadLetters(
            consumers, queues, (consumer, letter) -> Optional.of("boom " + letter.id()));

    List<DeadLetter> shown =
        inspect.inspect("inventory", new Selection(null, "OrderCreated", null, null), 10);

    assertThat(shown).extracting(DeadLetter::failureReason).containsExactly("boom e1", "boom e3");
    assertThat(queues.visibleIn("shop-inventory-dlq")).hasSize(3);
  }

  @Test
  void operatorsAreShownAnAccountMailWithItsTokenRedactedAndTheReplaySendsItWhole() {
    String token = "Hk4pQ8wZ2nR7tY1vB5xC9mL3sD6fG0jK2aE8uI4oP7c";
    Instant at = T0.plusSeconds(180);
    EventEnvelope<PasswordResetRequested> reset =
        EventEnvelope.of(
            new PasswordResetRequested(
                "u-1", "ada@example.com", "Ada", token, at.plusSeconds(1800)),
            1,
            at);
    DeadLetter letter = InMemoryQueues.letter(reset.id(), "PasswordResetRequested", at);
    queues.put("shop-inventory-dlq", withBody(letter, EventFixtures.eventBridgeBody(reset)));
    InspectDeadLetters inspect =
        new InspectDeadLetters(consumers, queues, (consumer, l) -> Optional.empty());
    Selection onlyIt = new Selection(Set.of(reset.id()), null, null, null);

    List<DeadLetter> shown = inspect.inspect("inventory", onlyIt, 10);
    ReplayOutcome dryRun = replay.replay("inventory", onlyIt, true, 100, "ada");
    ReplayOutcome replayed = replay.replay("inventory", onlyIt, false, 100, "ada");

    assertThat(
            List.of(shown.getFirst(), dryRun.selected().getFirst(), replayed.selected().getFirst()))
        .extracting(DeadLetter::body)
        .allSatisfy(
            body ->
                assertThat(body)
                    .doesNotContain(token)
                    .contains("\"token\":\"[redacted]\"", "ada@example.com"));
    assertThat(queues.in("shop-inventory"))
        .singleElement()
        .satisfies(l -> assertThat(l.body()).contains(token));
  }

  private static DeadLetter withBody(DeadLetter l, String body) {
    return new DeadLetter(
        l.messageId(),
        l.receiptHandle(),
        l.eventId(),
        l.type(),
        l.eventName(),
        l.subject(),
        l.eventTime(),
        l.receiveCount(),
        l.sentAt(),
        body,
        l.failureReason());
  }

  @Test
  void discardDeletesOnlyTheNamedIdsAndAuditsThem() {
    DiscardDeadLetters discard = new DiscardDeadLetters(consumers, queues, audit, clock);

    List<DeadLetter> gone = discard.discard("inventory", Set.of("e1", "nope"), "ada");

    assertThat(gone).extracting(DeadLetter::eventId).containsExactly("e1");
    assertThat(queues.visibleIn("shop-inventory-dlq"))
        .extracting(DeadLetter::eventId)
        .containsExactly("e2", "e3");
    assertThat(audited.getFirst().result()).isEqualTo("intent");
    assertThat(audited.getLast().result()).startsWith("partial").contains("e1");
  }

  @Test
  void anUnknownConsumerIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> replay.replay("stock", Selection.everything(), false, 10, "ada"))
        .isInstanceOf(UnknownConsumerException.class)
        .hasMessageContaining("inventory");
  }

  @Test
  void anUnknownConsumerIsNotFound() {
    assertThatThrownBy(() -> replay.replay("stock", Selection.everything(), false, 10, "ada"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRateOutOfRangeNamesTheRate() {
    assertThatThrownBy(() -> replay.replay("inventory", Selection.everything(), false, 0, "ada"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("rate");
    assertThat(audited).isEmpty();
  }

  @Test
  void aLimitOutOfRangeNamesTheLimit() {
    InspectDeadLetters inspect =
        new InspectDeadLetters(consumers, queues, (consumer, letter) -> Optional.empty());

    assertThatThrownBy(() -> inspect.inspect("inventory", Selection.everything(), 1001))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("limit");
  }

  @Test
  void aDiscardWithoutIdsNamesTheIds() {
    DiscardDeadLetters discard = new DiscardDeadLetters(consumers, queues, audit, clock);

    assertThatThrownBy(() -> discard.discard("inventory", Set.of(), "ada"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("id");
    assertThat(queues.visibleIn("shop-inventory-dlq")).hasSize(3);
  }

  @Test
  void listShowsCountsAndTheOldestAge() {
    ListDeadLetterQueues list = new ListDeadLetterQueues(consumers, queues, clock);

    DeadLetterQueueSummary summary = list.list().getFirst();

    assertThat(summary.messages()).isEqualTo(3);
    assertThat(summary.oldestAge()).hasHours(1);
    assertThat(queues.visibleIn("shop-inventory-dlq")).hasSize(3);
  }
}
