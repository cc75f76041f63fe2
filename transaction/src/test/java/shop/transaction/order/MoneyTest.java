package shop.transaction.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void zeroIsAnAmountButLessIsNot() {
    assertThat(new Money(0, "EUR").amount()).isZero();
    assertThatThrownBy(() -> new Money(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCurrencyIsThreeCapitalLetters() {
    assertThatThrownBy(() -> new Money(1, "eur")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addsMinorUnitsInTheSameCurrency() {
    assertThat(new Money(4900, "EUR").plus(100)).isEqualTo(new Money(5000, "EUR"));
  }
}
