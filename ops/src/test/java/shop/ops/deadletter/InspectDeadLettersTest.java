package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;

class InspectDeadLettersTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final InMemoryQueues queues = new InMemoryQueues();
  private final InspectDeadLetters inspect =
      new InspectDeadLetters(
          new Consumers(
              List.of(
                  new Consumer(
                      "inventory", "shop-inventory", "shop-inventory-dlq", "shop-inventory"))),
          queues,
          (consumer, letter) -> Optional.empty());

  @Test
  void showsOneToAThousandLettersOldestFirst() {
    queues.put(
        "shop-inventory-dlq", InMemoryQueues.letter("e2", "OrderCreated", T0.plusSeconds(1)));
    queues.put("shop-inventory-dlq", InMemoryQueues.letter("e1", "OrderCreated", T0));

    assertThat(inspect.inspect("inventory", Selection.everything(), 1))
        .extracting(DeadLetter::eventId)
        .containsExactly("e1");
    assertThat(inspect.inspect("inventory", Selection.everything(), 1000)).hasSize(2);
    assertThatThrownBy(() -> inspect.inspect("inventory", Selection.everything(), 0))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("limit");
  }
}
