package shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.notification.message.EmailContent;

class FailoverEmailSenderTest {
  private static final Email EMAIL =
      new Email("ada@example.com", "Ada", new EmailContent("s", "<p>h</p>", "t"), "ref-1");

  private final RecordingSenders.Emails primary = new RecordingSenders.Emails("ses");
  private final RecordingSenders.Emails secondary = new RecordingSenders.Emails("sendgrid");

  @Test
  void sendsThroughThePrimaryWhenItWorks() {
    SendReceipt receipt = new FailoverEmailSender(primary, Optional.of(secondary)).send(EMAIL);

    assertThat(receipt.provider()).isEqualTo("ses");
    assertThat(secondary.sent).isEmpty();
  }

  @Test
  void failsOverOnARetryableFailure() {
    primary.failingWith(SendFailure.retryable("ses", "throttled", null));

    SendReceipt receipt = new FailoverEmailSender(primary, Optional.of(secondary)).send(EMAIL);

    assertThat(receipt.provider()).isEqualTo("sendgrid");
  }

  @Test
  void doesNotFailOverOnAPermanentFailure() {
    primary.failingWith(SendFailure.permanent("ses", "400 bad address", null));

    assertThatThrownBy(() -> new FailoverEmailSender(primary, Optional.of(secondary)).send(EMAIL))
        .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isRetryable()).isFalse());
    assertThat(secondary.sent).isEmpty();
  }

  @Test
  void reportsTheSecondaryFailureWhenBothFail() {
    primary.failingWith(SendFailure.retryable("ses", "500", null));
    secondary.failingWith(SendFailure.retryable("sendgrid", "503", null));

    assertThatThrownBy(() -> new FailoverEmailSender(primary, Optional.of(secondary)).send(EMAIL))
        .isInstanceOfSatisfying(
            SendFailure.class,
            f -> {
              assertThat(f.provider()).isEqualTo("sendgrid");
              assertThat(f.isRetryable()).isTrue();
              assertThat(f.getSuppressed()).hasSize(1);
            });
  }

  @Test
  void rethrowsWhenThereIsNoSecondary() {
    primary.failingWith(SendFailure.retryable("ses", "500", null));

    assertThatThrownBy(() -> new FailoverEmailSender(primary, Optional.empty()).send(EMAIL))
        .isInstanceOf(SendFailure.class);
  }
}
