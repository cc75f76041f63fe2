package shop.transaction.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.platform.auth.Caller;

class CustomerFromTokenTest {
  @Test
  void smsNeedsBothAPhoneAndConsent() {
    assertThat(Commands.customer(caller("+447700900123", true)).smsOptIn()).isTrue();
    assertThat(Commands.customer(caller("+447700900123", false)).smsOptIn()).isFalse();
    assertThat(Commands.customer(caller(null, true)).smsOptIn()).isFalse();
  }

  private static Caller caller(String phone, boolean smsOptIn) {
    return new Caller(
        "u-1", "ada@example.com", "Ada", phone, smsOptIn, Set.of("customer"), null, Set.of("pwd"));
  }
}
