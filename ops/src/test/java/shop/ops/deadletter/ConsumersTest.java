package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumersTest {
  private final Consumers consumers =
      new Consumers(
          List.of(
              new Consumer("carts", "shop-carts", "shop-carts-dlq", "shop-carts"),
              Consumer.undeliverable(
                  "carts", "shop-carts", "shop-carts-undeliverable", "shop-carts")));

  @Test
  void bothDeadLetterQueuesOfAConsumerAreNamed() {
    assertThat(consumers.named("carts").deadLetterQueue()).isEqualTo("shop-carts-dlq");
    assertThat(consumers.named("carts-undeliverable").deadLetterQueue())
        .isEqualTo("shop-carts-undeliverable");
    assertThat(consumers.named("carts-undeliverable").redriven()).isFalse();
  }

  @Test
  void onlyTheConsumerItselfIsASubscriberForAnArchiveReplay() {
    assertThat(consumers.subscriber("carts").rule()).isEqualTo("shop-carts");

    assertThatThrownBy(() -> consumers.subscriber("carts-undeliverable"))
        .isInstanceOf(UnknownConsumerException.class)
        .hasMessage("no consumer named 'carts-undeliverable'; the consumers are carts");
  }
}
