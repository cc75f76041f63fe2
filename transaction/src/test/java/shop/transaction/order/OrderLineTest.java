package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderLineTest {
  @Test
  void takesOneToAThousandOfAProduct() {
    assertThat(line(1, 1).subtotal()).isEqualTo(1);
    assertThat(line(OrderLine.MAX_QUANTITY, 1250).subtotal()).isEqualTo(1_250_000);
    assertThatThrownBy(() -> line(0, 1250)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> line(OrderLine.MAX_QUANTITY + 1, 1250))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProductIsNeverFree() {
    assertThatThrownBy(() -> line(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRequestTakesOneToAThousandOfAProduct() {
    assertThat(new ItemRequest("p-mug", 1).quantity()).isEqualTo(1);
    assertThat(new ItemRequest("p-mug", OrderLine.MAX_QUANTITY).quantity()).isEqualTo(1000);
    assertThatThrownBy(() -> new ItemRequest("p-mug", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ItemRequest("p-mug", OrderLine.MAX_QUANTITY + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static OrderLine line(int quantity, long unitPrice) {
    return new OrderLine("p-mug", "MUG-001", "Enamel mug", quantity, unitPrice);
  }

  @Test
  void aParcelOrReturnLineTakesOneToAThousandOfAProduct() {
    assertThat(new ProductQuantity("p-mug", 1).quantity()).isEqualTo(1);
    assertThat(new ProductQuantity("p-mug", OrderLine.MAX_QUANTITY).quantity()).isEqualTo(1000);
    assertThatThrownBy(() -> new ProductQuantity("p-mug", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProductQuantity("p-mug", OrderLine.MAX_QUANTITY + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
