package shop.transaction.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import shop.transaction.order.CarrierNotice;
import shop.transaction.order.InvalidCarrierNotice;

class HmacCarrierNoticesTest {
  private static final String SECRET = "carrier-test-secret-0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final String BODY =
      "{\"id\":\"evt_1\",\"type\":\"delivered\",\"carrier\":\"DHL\",\"trackingNumber\":\"JD1\"}";

  private final HmacCarrierNotices notices =
      new HmacCarrierNotices(() -> SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aFreshlySignedNoticeVerifies() {
    CarrierNotice notice = notices.verify(BODY, header(SECRET, NOW.getEpochSecond(), BODY));

    assertThat(notice).isEqualTo(new CarrierNotice("evt_1", "delivered", "DHL", "JD1"));
  }

  @Test
  void aNoticeSignedWithAnotherSecretOrChangedIsRefused() {
    long t = NOW.getEpochSecond();
    assertThatThrownBy(
            () -> notices.verify(BODY, header("another-secret-0123456789abcdefgh", t, BODY)))
        .isInstanceOf(InvalidCarrierNotice.class);
    assertThatThrownBy(() -> notices.verify(BODY.replace("JD1", "JD2"), header(SECRET, t, BODY)))
        .isInstanceOf(InvalidCarrierNotice.class);
  }

  @Test
  void aNoticeOlderThanFiveMinutesIsRefused() {
    long old = NOW.getEpochSecond() - HmacCarrierNotices.TOLERANCE_SECONDS - 1;

    assertThatThrownBy(() -> notices.verify(BODY, header(SECRET, old, BODY)))
        .isInstanceOf(InvalidCarrierNotice.class)
        .hasMessageContaining("too old");
  }

  @Test
  void aMissingSignatureIsRefused() {
    assertThatThrownBy(() -> notices.verify(BODY, null)).isInstanceOf(InvalidCarrierNotice.class);
  }

  static String header(String secret, long t, String body) {
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(HmacCarrierNotices.sign(secret, t, body));
  }
}
