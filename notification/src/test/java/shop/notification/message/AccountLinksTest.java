package shop.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountLinksTest {

  @Test
  void linksToTheAppsPagesWithTheTokenInTheQuery() {
    AccountLinks links = new AccountLinks("https://shop.example/");

    assertThat(links.verifyEmail("abc_-123"))
        .isEqualTo("https://shop.example/verify-email?token=abc_-123");
    assertThat(links.resetPassword("abc_-123"))
        .isEqualTo("https://shop.example/reset-password?token=abc_-123");
  }

  @Test
  void keepsTheAppsPathAndEncodesWhatATokenShouldNotHold() {
    AccountLinks links = new AccountLinks("http://localhost:3000/shop");

    assertThat(links.verifyEmail("a+b&c"))
        .isEqualTo("http://localhost:3000/shop/verify-email?token=a%2Bb%26c");
  }

  @Test
  void refusesABaseThatIsNotAnAbsoluteWebUrl() {
    assertThatThrownBy(() -> new AccountLinks("javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("APP_BASE_URL");
    assertThatThrownBy(() -> new AccountLinks("shop.example"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
