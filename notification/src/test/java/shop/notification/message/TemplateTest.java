package shop.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateTest {
  @Test
  void isFoundByItsStoredIdAndAnUnknownIdIsAnError() {
    for (Template template : Template.values()) {
      assertThat(Template.ofId(template.id())).isEqualTo(template);
    }
    assertThatThrownBy(() -> Template.ofId("no-such-template"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void afterPaymentOnlyTheShippingNewsGoesBySmsToo() {
    assertThat(Template.ORDER_SHIPPED.sendsSms()).isTrue();
    for (Template t :
        new Template[] {
          Template.ORDER_DELIVERED,
          Template.RETURN_REQUESTED,
          Template.RETURN_RECEIVED,
          Template.REFUND_ISSUED
        }) {
      assertThat(t.sendsSms()).as(t.id()).isFalse();
    }
  }
}
