package shop.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnavailableExceptionTest {
  @Test
  void theReasonForOperatorsIsTheMessageUnlessMoreWasSaid() {
    UnavailableException plain = new UnavailableException("payments are unavailable");

    assertThat(plain.reason()).isEqualTo("payments are unavailable");
    assertThat(plain.toString()).doesNotContain("(");
  }

  @Test
  void theLogsReadTheReasonTheCallerNeverSees() {
    UnavailableException detailed =
        new UnavailableException(
            "payments are unavailable", "Stripe 502 from api.stripe.com", null);

    assertThat(detailed.getMessage()).isEqualTo("payments are unavailable");
    assertThat(detailed.reason()).isEqualTo("Stripe 502 from api.stripe.com");
    assertThat(detailed.toString())
        .endsWith("payments are unavailable (Stripe 502 from api.stripe.com)");
  }
}
