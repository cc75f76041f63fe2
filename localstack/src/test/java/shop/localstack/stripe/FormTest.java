package shop.localstack.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTest {
  @Test
  void readsPlainValuesHashesAndListsAsStripeEncodesThem() {
    Form form =
        Form.parse(
            "amount=1999&metadata%5Border_id%5D=o-1&metadata[note]=a+b"
                + "&enabled_events[1]=charge.refunded&enabled_events[0]=payment_intent.succeeded");

    assertThat(form.get("amount")).isEqualTo("1999");
    assertThat(form.hash("metadata")).isEqualTo(Map.of("order_id", "o-1", "note", "a b"));
    assertThat(form.list("enabled_events"))
        .isEqualTo(List.of("payment_intent.succeeded", "charge.refunded"));
  }

  @Test
  void readsUnindexedListsInTheirOrder() {
    assertThat(Form.parse("expand[]=a&expand[]=b").list("expand")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void theSameParametersInAnotherOrderAreTheSameRequest() {
    assertThat(Form.parse("a=1&b=2").canonical()).isEqualTo(Form.parse("b=2&a=1").canonical());
    assertThat(Form.parse("a=1").canonical()).isNotEqualTo(Form.parse("a=2").canonical());
  }
}
