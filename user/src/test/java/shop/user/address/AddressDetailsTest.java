package shop.user.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;

class AddressDetailsTest {
  @Test
  void acceptsAnIsoCountryCodeInAnyCaseAndTrimsFields() {
    var details =
        new AddressDetails(" Ada ", "1 Main St", " ", "London", null, "N1 9GU", "gb", null);

    assertThat(details.country()).isEqualTo("GB");
    assertThat(details.recipient()).isEqualTo("Ada");
    assertThat(details.line2()).isNull();
  }

  @Test
  void refusesAnUnknownCountryAndMissingRequiredFields() {
    assertThatThrownBy(
            () -> new AddressDetails("Ada", "1 Main St", null, "London", null, "N1", "XX", null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("country"));
    assertThatThrownBy(
            () -> new AddressDetails("Ada", "1 Main St", null, " ", null, "N1", "GB", null))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("city"));
  }
}
