package shop.ops.trail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import shop.ops.trail.ConsumerFailures.ConsumerFailure;
import shop.ops.trail.SentNotifications.SentNotification;
import shop.platform.domain.InvalidFieldException;

/**
 * Everything that happened to one order, oldest first: each event the trail consumer kept, each
 * consumer's outcome for it, each notification sent and each payment or refund. The consumers'
 * outcomes come from what the shop records anyway: a consumer writes a failure for every failed
 * delivery (the one that reached {@code maxReceiveCount} sent the message to the DLQ), and every
 * replay is in the audit log; a consumer with no failure recorded handled the event.
 */
public final class ShowOrderTrail {
  /** How far back in the audit log replays are looked for. */
  private static final int AUDIT_WINDOW = 1000;

  private static final Comparator<TrailEntry> ORDER =
      Comparator.comparing(TrailEntry::time)
          .thenComparing(
              e -> List.of(TrailEntry.EVENT, TrailEntry.PAYMENT).contains(e.kind()) ? 0 : 1);

  private final OrderTrails trails;
  private final Function<String, List<Subscriber>> subscribers;
  private final ConsumerFailures failures;
  private final AuditLog audit;
  private final SentNotifications notifications;

  /**
   * @param subscribers the consumers of a CloudEvent type, the trail's own excepted
   */
  public ShowOrderTrail(
      OrderTrails trails,
      Function<String, List<Subscriber>> subscribers,
      ConsumerFailures failures,
      AuditLog audit,
      SentNotifications notifications) {
    this.trails = trails;
    this.subscribers = subscribers;
    this.failures = failures;
    this.audit = audit;
    this.notifications = notifications;
  }

  /** Which order; ids are the shop's UUIDs or similar, never free text. */
  public record Query(String orderId) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public Query {
      if (orderId == null || !ID.matcher(orderId).matches()) {
        throw new InvalidFieldException("orderId", "must be an order id (letters, digits, - or _)");
      }
    }
  }

  public List<TrailEntry> show(Query query) {
    List<TrailEntry> entries = new ArrayList<>();
    List<AuditEntry> replays =
        audit.latest(AUDIT_WINDOW).stream().filter(e -> e.action().equals("dlq.replay")).toList();
    for (TrailEvent event : trails.eventsOf(query.orderId())) {
      entries.add(
          new TrailEntry(
              event.time(), TrailEntry.EVENT, event.type(), event.eventId(), null, event.source()));
      if (event.isPayment()) {
        entries.add(
            new TrailEntry(
                event.time(),
                TrailEntry.PAYMENT,
                shortType(event.type()),
                event.eventId(),
                null,
                money(event)));
      }
      for (Subscriber subscriber : subscribers.apply(event.type())) {
        outcomes(event, subscriber, replays, entries);
      }
    }
    for (SentNotification sent : notifications.ofOrder(query.orderId())) {
      entries.add(
          new TrailEntry(
              sent.time(),
              TrailEntry.NOTIFICATION,
              sent.channel() + " " + sent.template(),
              sent.eventId(),
              null,
              sent.failure() == null ? sent.status() : sent.status() + ": " + sent.failure()));
    }
    entries.sort(ORDER);
    return entries;
  }

  private void outcomes(
      TrailEvent event, Subscriber subscriber, List<AuditEntry> replays, List<TrailEntry> into) {
    Optional<ConsumerFailure> failure = failures.find(subscriber.consumer(), event.eventId());
    if (failure.isEmpty()) {
      into.add(
          new TrailEntry(
              event.time(),
              TrailEntry.CONSUMER,
              "handled",
              event.eventId(),
              subscriber.consumer(),
              "no failure recorded"));
      return;
    }
    ConsumerFailure failed = failure.get();
    boolean deadLettered = failed.attempt() >= subscriber.maxReceiveCount();
    into.add(
        new TrailEntry(
            failed.time(),
            TrailEntry.CONSUMER,
            deadLettered ? "dead-lettered" : "failed",
            event.eventId(),
            subscriber.consumer(),
            failed.reason() + " (attempt " + failed.attempt() + ")"));
    for (AuditEntry replay : replays) {
      if (replay.target().equals(subscriber.consumer())
          && replay.time().isAfter(failed.time())
          && replay.count() > 0
          && covers(replay.selection(), event.eventId())) {
        into.add(
            new TrailEntry(
                replay.time(),
                TrailEntry.CONSUMER,
                "replayed",
                event.eventId(),
                subscriber.consumer(),
                "by " + replay.actor() + " (" + replay.selection() + ")"));
      }
    }
  }

  /** Whether a replay's selection could have moved the event: it named it, or no ids at all. */
  private static boolean covers(String selection, String eventId) {
    return !selection.contains("ids=") || selection.contains(eventId);
  }

  /** {@code shop.payment.captured.v1} as {@code payment.captured}. */
  private static String shortType(String type) {
    String withoutShop = type.startsWith("shop.") ? type.substring(5) : type;
    int version = withoutShop.lastIndexOf(".v");
    return version > 0 ? withoutShop.substring(0, version) : withoutShop;
  }

  private static String money(TrailEvent event) {
    List<String> parts = new ArrayList<>();
    if (event.amount() != null) {
      parts.add(event.amount() + (event.currency() == null ? "" : " " + event.currency()));
    }
    if (event.reason() != null) {
      parts.add(event.reason());
    }
    return parts.isEmpty() ? null : String.join(": ", parts);
  }
}
