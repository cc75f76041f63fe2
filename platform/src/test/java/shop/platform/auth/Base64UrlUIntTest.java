package shop.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Base64UrlUIntTest {
  @Test
  void encodesTheUsualExponentAsRfc7517Shows() {
    assertThat(Base64UrlUInt.encode(BigInteger.valueOf(65537))).isEqualTo("AQAB");
  }

  @Test
  void dropsTheSignByteOfAValueWhoseTopBitIsSet() {
    // 255 is 0x00 0xFF as a signed BigInteger; as an unsigned JWK integer it is the one byte 0xFF.
    assertThat(Base64UrlUInt.encode(BigInteger.valueOf(255))).isEqualTo("_w");
  }

  @Test
  void keepsZeroAsOneByte() {
    assertThat(Base64UrlUInt.encode(BigInteger.ZERO)).isEqualTo("AA");
  }
}
