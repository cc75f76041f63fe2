package shop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import shop.notification.adapter.MustacheTemplates;
import shop.notification.api.EventNotifications;
import shop.notification.delivery.ContactBook;
import shop.notification.delivery.SendLedger;
import shop.notification.message.AccountLinks;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class NotificationPrimerTest {
  private final List<String> ledgerCalls = new CopyOnWriteArrayList<>();
  private final SendLedger ledger =
      (SendLedger)
          Proxy.newProxyInstance(
              SendLedger.class.getClassLoader(),
              new Class<?>[] {SendLedger.class},
              (proxy, method, args) -> {
                ledgerCalls.add(method.getName());
                throw refusal();
              });

  @Test
  void claimsWhenTheContactReadWasRefusedAsPrimingsRequestsAre() {
    primer(contacts(true)).prime();

    assertThat(ledgerCalls).containsExactly("claim");
  }

  @Test
  void claimsNothingWhenTheContactReadReachedTheStore() {
    primer(contacts(false)).prime();

    assertThat(ledgerCalls).isEmpty();
  }

  private NotificationPrimer primer(ContactBook contacts) {
    return new NotificationPrimer(
        new EventNotifications(Locale.ENGLISH, new AccountLinks("https://shop.example")),
        new MustacheTemplates(),
        contacts,
        ledger,
        Optional.empty(),
        Clock.systemUTC(),
        Duration.ofMinutes(1));
  }

  /** A contact book whose read is refused as priming's are, or answers as a store would. */
  private static ContactBook contacts(boolean refused) {
    return (ContactBook)
        Proxy.newProxyInstance(
            ContactBook.class.getClassLoader(),
            new Class<?>[] {ContactBook.class},
            (proxy, method, args) -> {
              if (refused) {
                throw refusal();
              }
              return null;
            });
  }

  private static AwsServiceException refusal() {
    return AwsServiceException.builder()
        .statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("PrimingRefused").build())
        .build();
  }
}
