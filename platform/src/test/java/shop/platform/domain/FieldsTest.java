package shop.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FieldsTest {
  @Test
  void textIsStrippedAndAtMostMaxCharacters() {
    assertThat(Fields.text("name", "  Ada  ", 3)).isEqualTo("Ada");
    assertRefused(() -> Fields.text("name", "Ada L", 4), "name", "must be at most 4 characters");
    assertRefused(() -> Fields.text("name", null, 4), "name", "is required");
    assertRefused(() -> Fields.text("name", " \t", 4), "name", "is required");
  }

  @Test
  void textWithABoundOnEachSideTakesBothEnds() {
    assertThat(Fields.text("code", " 1234 ", 4, 6)).isEqualTo("1234");
    assertThat(Fields.text("code", "123456", 4, 6)).isEqualTo("123456");
    assertRefused(() -> Fields.text("code", "123", 4, 6), "code", "must be 4 to 6 characters long");
    assertRefused(
        () -> Fields.text("code", "1234567", 4, 6), "code", "must be 4 to 6 characters long");
    assertRefused(() -> Fields.text("code", null, 4, 6), "code", "is required");
  }

  @Test
  void optionalTextIsNullWhenAbsentOrBlankAndCheckedOtherwise() {
    assertThat(Fields.optionalText("line2", null, 5)).isNull();
    assertThat(Fields.optionalText("line2", "  ", 5)).isNull();
    assertThat(Fields.optionalText("line2", " Flat 3 ", 6)).isEqualTo("Flat 3");
    assertRefused(
        () -> Fields.optionalText("line2", "Flat 33", 6), "line2", "must be at most 6 characters");
  }

  @Test
  void anIdIsOneToSixtyFourLettersDigitsDashesOrUnderscores() {
    assertThat(Fields.id("productId", "p-mug_1")).isEqualTo("p-mug_1");
    assertThat(Fields.id("productId", "a".repeat(64))).hasSize(64);
    assertRefused(() -> Fields.id("productId", "a".repeat(65)), "productId", "must be an id");
    assertRefused(() -> Fields.id("productId", "p mug"), "productId", "must be an id");
    assertRefused(() -> Fields.id("productId", null), "productId", "must be an id");
  }

  @Test
  void anEmailIsLowerCasedSoOneMailboxHasOneSpelling() {
    assertThat(Fields.email("email", " Ada@Example.COM ")).isEqualTo("ada@example.com");
    assertRefused(() -> Fields.email("email", "ada@example"), "email", "must be an email address");
    assertRefused(() -> Fields.email("email", null), "email", "is required");
  }

  @Test
  void aPhoneIsAnE164NumberOrAbsent() {
    assertThat(Fields.phone("phone", null)).isNull();
    assertThat(Fields.phone("phone", "+447700900123")).isEqualTo("+447700900123");
    assertRefused(() -> Fields.phone("phone", "07700900123"), "phone", "must be an E.164");
  }

  @Test
  void aCountryIsAnIsoCodeInUpperCase() {
    assertThat(Fields.country("country", " gb ")).isEqualTo("GB");
    assertRefused(() -> Fields.country("country", "XY"), "country", "must be an ISO 3166-1");
    assertRefused(() -> Fields.country("country", "GBR"), "country", "must be at most 2");
  }

  @Test
  void aCurrencyIsRealMoneyNotTheCodesForNoneOrTesting() {
    assertThat(Fields.currency("currency", "EUR")).isEqualTo("EUR");
    assertRefused(() -> Fields.currency("currency", "eur"), "currency", "must be an ISO 4217");
    assertRefused(() -> Fields.currency("currency", "XXX"), "currency", "must be an ISO 4217");
    assertRefused(() -> Fields.currency("currency", "XTS"), "currency", "must be an ISO 4217");
    assertRefused(() -> Fields.currency("currency", null), "currency", "must be an ISO 4217");
  }

  private static void assertRefused(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }
}
