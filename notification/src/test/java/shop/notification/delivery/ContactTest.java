package shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactTest {
  @Test
  void wantsSmsOnlyWithOptInAndANumber() {
    assertThat(new Contact("ada@example.com", "Ada", "+447700900123", true).wantsSms()).isTrue();
    assertThat(new Contact("ada@example.com", "Ada", "+447700900123", false).wantsSms()).isFalse();
    assertThat(new Contact("ada@example.com", "Ada", null, true).wantsSms()).isFalse();
    assertThat(new Contact("ada@example.com", "Ada", " ", true).wantsSms()).isFalse();
  }

  @Test
  void aSendsReferenceIsStableAndNamesItsEventChannelAndRecipient() {
    DeliveryKey email = new DeliveryKey("evt-1", Channel.EMAIL, "ada@example.com");

    assertThat(email.reference())
        .isEqualTo(new DeliveryKey("evt-1", Channel.EMAIL, "ada@example.com").reference())
        .isNotEqualTo(new DeliveryKey("evt-2", Channel.EMAIL, "ada@example.com").reference())
        .isNotEqualTo(new DeliveryKey("evt-1", Channel.SMS, "ada@example.com").reference())
        .isNotEqualTo(new DeliveryKey("evt-1", Channel.EMAIL, "bob@example.com").reference());
  }
}
