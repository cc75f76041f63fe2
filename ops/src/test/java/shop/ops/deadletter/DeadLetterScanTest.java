package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeadLetterScanTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Duration HIDE = Duration.ofSeconds(10);

  private final InMemoryQueues queues = new InMemoryQueues();

  @Test
  void readsAQueueThroughTenAtATime() {
    fill(25);

    List<DeadLetter> letters = DeadLetterScan.scan(queues, "dlq", HIDE);

    assertThat(letters).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void readsAtMostTenThousandMessages() {
    fill(DeadLetterScan.MAX_MESSAGES + 10);

    assertThat(DeadLetterScan.scan(queues, "dlq", HIDE)).hasSize(DeadLetterScan.MAX_MESSAGES);
  }

  @Test
  void stopsWhenAReceiveBringsNothingNew() {
    fill(3);

    // Not hidden, the same letters come back at every receive, as when their hiding expires.
    assertThat(DeadLetterScan.scan(queues, "dlq", Duration.ZERO))
        .extracting(DeadLetter::eventId)
        .containsExactly("e0", "e1", "e2");
  }

  private void fill(int count) {
    IntStream.range(0, count)
        .forEach(i -> queues.put("dlq", InMemoryQueues.letter("e" + i, "OrderCreated", T0)));
  }
}
