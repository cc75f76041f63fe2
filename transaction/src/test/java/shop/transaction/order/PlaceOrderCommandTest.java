package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlaceOrderCommandTest {
  private static final ShippingAddress ADDRESS = OrderFixtures.address();

  @Test
  void whoAsksAndUnderWhichKeyDoNotChangeTheFingerprint() {
    PlaceOrderCommand command = command(items(2), "pm_card_visa", ADDRESS, null);
    PlaceOrderCommand other =
        new PlaceOrderCommand(
            "user-2",
            "k2",
            new Customer("bob@example.com", "Bob", null, false),
            null,
            command.items(),
            command.paymentMethodId(),
            command.shippingAddress(),
            null);

    assertThat(other.fingerprint()).isEqualTo(command.fingerprint()).hasSize(64);
  }

  static Stream<PlaceOrderCommand> otherRequests() {
    return Stream.of(
        command(List.of(new ItemRequest("p-other", 2)), "pm_card_visa", ADDRESS, null),
        command(List.of(new ItemRequest("p-mug", 3)), "pm_card_visa", ADDRESS, null),
        command(items(1), "pm_other", ADDRESS, null),
        command(items(1), "pm_card_visa", address(0, "Grace Hopper"), null),
        command(items(1), "pm_card_visa", address(1, "2 Difference Rd"), null),
        command(items(1), "pm_card_visa", address(2, "Flat 3"), null),
        command(items(1), "pm_card_visa", address(3, "Cambridge"), null),
        command(items(1), "pm_card_visa", address(4, "CB1 1AA"), null),
        command(items(1), "pm_card_visa", address(5, "IE"), null),
        command(items(1), "pm_card_visa", ADDRESS, 2500L));
  }

  @ParameterizedTest
  @MethodSource("otherRequests")
  void anyChangeToWhatIsAskedChangesTheFingerprint(PlaceOrderCommand changed) {
    PlaceOrderCommand original = command(items(1), "pm_card_visa", ADDRESS, null);

    assertThat(changed.fingerprint()).isNotEqualTo(original.fingerprint());
  }

  @Test
  void takesUpToAHundredItemsButNotNoneOrMore() {
    assertThat(command(items(Order.MAX_LINES), "pm", ADDRESS, null).items()).hasSize(100);
    assertThatThrownBy(() -> command(items(Order.MAX_LINES + 1), "pm", ADDRESS, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> command(List.of(), "pm", ADDRESS, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAProductListedTwice() {
    List<ItemRequest> twice = List.of(new ItemRequest("p-mug", 1), new ItemRequest("p-mug", 2));

    assertThatThrownBy(() -> command(twice, "pm", ADDRESS, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-mug");
  }

  private static List<ItemRequest> items(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new ItemRequest(i == 0 ? "p-mug" : "p-" + i, 2))
        .toList();
  }

  /**
   * The fixture address with field {@code index} (name, line1, line2, ...) set to {@code value}.
   */
  private static ShippingAddress address(int index, String value) {
    String[] f = {
      ADDRESS.name(),
      ADDRESS.line1(),
      ADDRESS.line2(),
      ADDRESS.city(),
      ADDRESS.postalCode(),
      ADDRESS.country()
    };
    f[index] = value;
    return new ShippingAddress(f[0], f[1], f[2], f[3], f[4], f[5]);
  }

  private static PlaceOrderCommand command(
      List<ItemRequest> items, String paymentMethodId, ShippingAddress address, Long expected) {
    return new PlaceOrderCommand(
        OrderFixtures.USER,
        "k1",
        OrderFixtures.ada(),
        "cus_1",
        items,
        paymentMethodId,
        address,
        expected);
  }
}
