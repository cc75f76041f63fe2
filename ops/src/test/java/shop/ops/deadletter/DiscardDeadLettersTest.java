package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.ops.audit.InMemoryAuditLog;

class DiscardDeadLettersTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final InMemoryQueues queues = new InMemoryQueues();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();

  @Test
  void aDiscardedLetterIsDeletedAndAllFoundIsAuditedOk() {
    queues.put("shop-carts-dlq", InMemoryQueues.letter("e1", "OrderCreated", T0));
    queues.put("shop-carts-dlq", InMemoryQueues.letter("e2", "OrderCreated", T0));
    DiscardDeadLetters discard =
        new DiscardDeadLetters(
            new Consumers(
                List.of(new Consumer("carts", "shop-carts", "shop-carts-dlq", "shop-carts"))),
            queues,
            audit,
            Clock.fixed(T0, ZoneOffset.UTC));

    discard.discard("carts", Set.of("e1"), "ada");

    assertThat(queues.in("shop-carts-dlq")).extracting(DeadLetter::eventId).containsExactly("e2");
    assertThat(audit.outcomes())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.count()).isEqualTo(1);
              assertThat(entry.result()).isEqualTo("ok: e1 (OrderCreated order-e1)");
            });
  }
}
