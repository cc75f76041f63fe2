package shop.notification.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** Email and SMS providers that remember what they were given and fail when told to. */
final class RecordingSenders {
  private RecordingSenders() {}

  static final class Emails implements EmailSender {
    final List<Email> sent = new ArrayList<>();
    private final String provider;
    private final Deque<SendFailure> failures = new ArrayDeque<>();

    Emails(String provider) {
      this.provider = provider;
    }

    Emails failingWith(SendFailure failure) {
      failures.add(failure);
      return this;
    }

    @Override
    public SendReceipt send(Email email) {
      if (!failures.isEmpty()) {
        throw failures.poll();
      }
      sent.add(email);
      return new SendReceipt(provider, provider + "-" + sent.size());
    }
  }

  static final class Texts implements SmsSender {
    final List<Sms> sent = new ArrayList<>();
    private final Deque<Function<Sms, SendFailure>> failures = new ArrayDeque<>();

    Texts failingWith(Function<Sms, SendFailure> failure) {
      failures.add(failure);
      return this;
    }

    @Override
    public SendReceipt send(Sms sms) {
      if (!failures.isEmpty()) {
        throw failures.poll().apply(sms);
      }
      sent.add(sms);
      return new SendReceipt("twilio", "SM" + sent.size());
    }
  }
}
