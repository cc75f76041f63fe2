package shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.notification.message.Template;

class ListNotificationsTest {
  private final InMemorySendLedger ledger = new InMemorySendLedger();
  private final ListNotifications list = new ListNotifications(ledger);

  @Test
  void listsAUsersSendsNewestFirst() {
    record("e1", "user-1", "order-1", "2026-11-24T10:00:00Z");
    record("e2", "user-1", "order-2", "2026-11-24T11:00:00Z");
    record("e3", "user-2", "order-3", "2026-11-24T12:00:00Z");

    assertThat(list.handle(NotificationQuery.ofUser("user-1", 10)))
        .extracting(d -> d.key().eventId())
        .containsExactly("e2", "e1");
  }

  @Test
  void listsAnOrdersSends() {
    record("e1", "user-1", "order-1", "2026-11-24T10:00:00Z");
    record("e2", "user-1", "order-2", "2026-11-24T11:00:00Z");

    assertThat(list.handle(NotificationQuery.ofOrder("order-1", 10)))
        .extracting(d -> d.key().eventId())
        .containsExactly("e1");
  }

  @Test
  void aQueryNamesExactlyOneOfUserAndOrder() {
    assertThatThrownBy(() -> new NotificationQuery("u", "o", 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NotificationQuery(null, null, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NotificationQuery.ofUser("u", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPageHoldsOneToAHundredSends() {
    assertThat(NotificationQuery.ofUser("user-1", 1).limit()).isEqualTo(1);
    assertThat(NotificationQuery.ofOrder("order-1", NotificationQuery.MAX_LIMIT).limit())
        .isEqualTo(100);
    assertThatThrownBy(() -> NotificationQuery.ofUser("user-1", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NotificationQuery.ofUser("user-1", NotificationQuery.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void record(String eventId, String userId, String orderId, String at) {
    Instant time = Instant.parse(at);
    ledger.claim(
        new Delivery(
            new DeliveryKey(eventId, Channel.EMAIL, "ada@example.com"),
            userId,
            orderId,
            Template.ORDER_RECEIVED,
            time,
            DeliveryStatus.SENDING,
            time,
            time,
            1,
            null,
            null,
            null),
        time.plusSeconds(60));
  }
}
