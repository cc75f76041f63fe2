package shop.user.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.platform.domain.InvalidFieldException;
import shop.user.fakes.InMemoryUserService;

class PasswordPolicyBoundsTest {
  private static final String WORDS =
      "velvet orbit quarry 17 lantern mosaic thistle 42 cobalt harbour juniper wicker 93 saffron"
          + " glacier pewter 58 meadow ferric tundra 61 osprey nimbus kestrel 85 basalt zephyr";

  private final PasswordPolicy policy = new InMemoryUserService().policy;

  @Test
  void aPasswordOfExactlyTheLongestLengthIsAcceptedAndOneMoreCharacterIsNot() {
    String longest = WORDS.substring(0, PasswordPolicy.MAX_LENGTH);

    assertThatCode(() -> policy.check("password", longest, "ada@example.com", "Ada"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check("password", longest + "x", "ada@example.com", "Ada"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("at most 128");
  }
}
