package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AesGcmSecretBoxTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  private final AesGcmSecretBox box =
      new AesGcmSecretBox(() -> "a test key of at least thirty-two characters");

  @Test
  void aSealedSecretOpensWithItsKeyAndContextOnly() {
    String sealed = box.seal(SECRET, "user-1");

    assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
    assertThat(box.open(sealed, "user-1")).isEqualTo(SECRET);
    assertThatThrownBy(() -> box.open(sealed, "user-2")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                new AesGcmSecretBox(() -> "another key of at least thirty-two characters")
                    .open(sealed, "user-1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSameSecretSealsDifferentlyEachTime() {
    assertThat(box.seal(SECRET, "user-1")).isNotEqualTo(box.seal(SECRET, "user-1"));
  }

  @Test
  void aSecretStoredBeforeEncryptionIsReadAsItIs() {
    assertThat(box.open(SECRET, "user-1")).isEqualTo(SECRET);
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new AesGcmSecretBox(() -> "short").seal(SECRET, "user-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TOTP_ENCRYPTION_KEY");
  }
}
