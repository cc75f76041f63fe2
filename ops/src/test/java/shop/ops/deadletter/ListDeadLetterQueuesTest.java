package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListDeadLetterQueuesTest {
  private final InMemoryQueues queues = new InMemoryQueues();

  @Test
  void anEmptyQueueIsCountedWithoutReceivingFromIt() {
    ListDeadLetterQueues list =
        new ListDeadLetterQueues(
            new Consumers(
                List.of(new Consumer("carts", "shop-carts", "shop-carts-dlq", "shop-carts"))),
            queues,
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    DeadLetterQueueSummary summary = list.list().getFirst();

    assertThat(summary.messages()).isZero();
    assertThat(summary.oldestAge()).isNull();
    assertThat(queues.receives).isZero();
  }

  @Test
  void listsEveryQueueInTheConsumersOrderWithItsCountAndOldestAge() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    List<Consumer> consumers = consumers(10);
    queues.put("dlq-3", InMemoryQueues.letter("e-1", "OrderCreated", now.minusSeconds(60)));
    queues.put("dlq-3", InMemoryQueues.letter("e-2", "OrderCreated", now.minusSeconds(30)));
    queues.put("dlq-9", InMemoryQueues.letter("e-3", "OrderCreated", now.minusSeconds(5)));

    List<DeadLetterQueueSummary> summaries =
        new ListDeadLetterQueues(new Consumers(consumers), queues, Clock.fixed(now, ZoneOffset.UTC))
            .list();

    assertThat(summaries)
        .extracting(DeadLetterQueueSummary::consumer)
        .containsExactlyElementsOf(consumers.stream().map(Consumer::name).toList());
    assertThat(summaries.get(3).messages()).isEqualTo(2);
    assertThat(summaries.get(3).oldestAge()).isEqualTo(Duration.ofSeconds(60));
    assertThat(summaries.get(9).messages()).isEqualTo(1);
    assertThat(summaries.get(9).oldestAge()).isEqualTo(Duration.ofSeconds(5));
    assertThat(summaries.get(0).messages()).isZero();
    assertThat(queues.visibleIn("dlq-3")).as("released after the peek").hasSize(2);
  }

  @Test
  void aFailureOfTheFirstQueueEndsTheListingBeforeAnyOtherQueueIsAsked() {
    // What SnapStart's priming relies on: its refused request is the first queue's.
    queues.failCountsOf.put("dlq-0", new IllegalStateException("refused"));
    ListDeadLetterQueues list =
        new ListDeadLetterQueues(new Consumers(consumers(5)), queues, Clock.systemUTC());

    assertThatThrownBy(list::list).hasMessage("refused");
    assertThat(queues.counted).containsExactly("dlq-0");
  }

  @Test
  void aFailureOfAnyOtherQueueFailsTheListingWithItsOwnException() {
    queues.failCountsOf.put("dlq-4", new IllegalArgumentException("no such queue: dlq-4"));
    ListDeadLetterQueues list =
        new ListDeadLetterQueues(new Consumers(consumers(6)), queues, Clock.systemUTC());

    assertThatThrownBy(list::list)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such queue: dlq-4");
  }

  private static List<Consumer> consumers(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new Consumer("c-" + i, "q-" + i, "dlq-" + i, "rule-" + i))
        .toList();
  }
}
