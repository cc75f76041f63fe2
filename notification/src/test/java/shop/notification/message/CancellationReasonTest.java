package shop.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancellationReasonTest {
  @Test
  void readsTheEventsCodeInWordsACustomerUnderstands() {
    assertThat(CancellationReason.ofCode("PAYMENT_FAILED"))
        .isEqualTo(CancellationReason.PAYMENT_FAILED);
    assertThat(CancellationReason.ofCode("EXPIRED").sentence())
        .isEqualTo("the payment was not completed in time");
  }

  @Test
  void aCodeItDoesNotKnowIsAProblemOnOurSide() {
    assertThat(CancellationReason.ofCode("FRAUD_SUSPECTED")).isEqualTo(CancellationReason.OTHER);
    assertThat(CancellationReason.ofCode(null)).isEqualTo(CancellationReason.OTHER);
  }
}
