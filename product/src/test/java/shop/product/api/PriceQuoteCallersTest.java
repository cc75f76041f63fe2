package shop.product.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.platform.config.MissingConfigException;
import shop.platform.http.ProblemException;

class PriceQuoteCallersTest {
  private final PriceQuoteCallers callers =
      PriceQuoteCallers.of(
          "arn:aws:iam::123456789012:role/shop-transaction-apiRole-ABC,"
              + " arn:aws:iam::123456789012:role/service-role/checkout");

  @Test
  void admitsTheListedRolesAndTheirSessions() {
    for (String caller :
        new String[] {
          "arn:aws:sts::123456789012:assumed-role/shop-transaction-apiRole-ABC/shop-transaction-api",
          "arn:aws:iam::123456789012:role/shop-transaction-apiRole-ABC",
          // A session's ARN drops the role's path.
          "arn:aws:sts::123456789012:assumed-role/checkout/session-1"
        }) {
      assertThatCode(() -> callers.require(caller)).as(caller).doesNotThrowAnyException();
    }
  }

  @Test
  void refusesAnyOtherSigner() {
    for (String caller :
        new String[] {
          "arn:aws:sts::123456789012:assumed-role/shop-user-apiRole-XYZ/shop-user-api",
          "arn:aws:sts::999999999999:assumed-role/shop-transaction-apiRole-ABC/x",
          "arn:aws-cn:sts::123456789012:assumed-role/shop-transaction-apiRole-ABC/x",
          "arn:aws:iam::123456789012:user/shop-transaction-apiRole-ABC",
          "arn:aws:sts::123456789012:assumed-role/shop-transaction-apiRole-ABCD/x",
          "not an arn"
        }) {
      assertThatThrownBy(() -> callers.require(caller))
          .as(caller)
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("may not ask for price quotes");
    }
  }

  @Test
  void nobodyWhenUnset() {
    assertThatThrownBy(
            () ->
                PriceQuoteCallers.of("")
                    .require("arn:aws:sts::123456789012:assumed-role/checkout/x"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aSettingThatIsNotRoleArnsStopsTheStart() {
    assertThatThrownBy(() -> PriceQuoteCallers.of("*"))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("PRICE_QUOTE_CALLERS");
    assertThatThrownBy(() -> PriceQuoteCallers.of("arn:aws:iam::123456789012:user/alice"))
        .isInstanceOf(MissingConfigException.class);
  }
}
