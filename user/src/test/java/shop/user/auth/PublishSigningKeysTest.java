package shop.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishSigningKeysTest {
  @Test
  void publishesEveryKeyATokenMayName() {
    List<SigningKeys.PublicKey> keys =
        List.of(
            new SigningKeys.PublicKey("2026-12", "bW9kdWx1cw", "AQAB"),
            new SigningKeys.PublicKey("2026-11", "b2xkZXI", "AQAB"));

    assertThat(new PublishSigningKeys(() -> keys).publish()).isEqualTo(keys);
  }
}
