package shop.notification.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * Sends through the primary provider and, when it fails in a way that another provider may not
 * (5xx, timeout, throttling, our credentials), through the secondary. A permanent refusal (invalid
 * address) is not tried elsewhere: the other provider would refuse it too.
 */
public final class FailoverEmailSender implements EmailSender {
  private final EmailSender primary;
  private final Optional<EmailSender> secondary;

  public FailoverEmailSender(EmailSender primary, Optional<EmailSender> secondary) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.secondary = Objects.requireNonNull(secondary, "secondary");
  }

  @Override
  public SendReceipt send(Email email) {
    try {
      return primary.send(email);
    } catch (SendFailure failure) {
      if (!failure.isRetryable() || secondary.isEmpty()) {
        throw failure;
      }
      try {
        return secondary.get().send(email);
      } catch (SendFailure second) {
        second.addSuppressed(failure);
        throw second;
      }
    }
  }
}
