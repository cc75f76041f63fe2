package shop.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void formatsWithTheCurrencysDecimals() {
    assertThat(new Money(4900, "EUR").format(Locale.ENGLISH)).isEqualTo("€49.00");
    assertThat(new Money(1200, "JPY").format(Locale.ENGLISH)).isEqualTo("¥1,200");
    assertThat(new Money(12345, "BHD").format(Locale.ENGLISH)).isEqualTo("BHD12.345");
    assertThat(new Money(5, "USD").format(Locale.ENGLISH)).isEqualTo("$0.05");
  }

  @Test
  void multipliesExactly() {
    assertThat(new Money(1250, "EUR").times(2)).isEqualTo(new Money(2500, "EUR"));
    assertThatThrownBy(() -> new Money(Long.MAX_VALUE, "EUR").times(2))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void refusesACodeThatIsNotIso4217() {
    assertThatThrownBy(() -> new Money(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
  }
}
