package shop.notification.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The send ledger in memory, with the lease rules of the DynamoDB one. */
final class InMemorySendLedger implements SendLedger {
  private final Map<DeliveryKey, Delivery> deliveries = new LinkedHashMap<>();
  private final Map<DeliveryKey, Instant> leases = new LinkedHashMap<>();

  @Override
  public synchronized Claim claim(Delivery delivery, Instant leaseUntil) {
    Delivery old = deliveries.get(delivery.key());
    Instant now = delivery.createdAt();
    if (old == null) {
      deliveries.put(delivery.key(), delivery);
    } else if (old.status() != DeliveryStatus.SENDING) {
      return Claim.DONE;
    } else if (!leases.get(delivery.key()).isBefore(now)) {
      return Claim.HELD;
    } else {
      deliveries.put(delivery.key(), change(old, DeliveryStatus.SENDING, now, old.attempts() + 1));
    }
    leases.put(delivery.key(), leaseUntil);
    return Claim.GRANTED;
  }

  @Override
  public synchronized void sent(DeliveryKey key, SendReceipt receipt, Instant now) {
    Delivery d = deliveries.get(key);
    deliveries.put(
        key,
        new Delivery(
            key,
            d.userId(),
            d.orderId(),
            d.template(),
            d.occurredAt(),
            DeliveryStatus.SENT,
            d.createdAt(),
            now,
            d.attempts(),
            receipt.provider(),
            receipt.messageId(),
            null));
  }

  @Override
  public synchronized void failed(DeliveryKey key, String reason, Instant now) {
    Delivery d = deliveries.get(key);
    deliveries.put(
        key,
        new Delivery(
            key,
            d.userId(),
            d.orderId(),
            d.template(),
            d.occurredAt(),
            DeliveryStatus.FAILED,
            d.createdAt(),
            now,
            d.attempts(),
            null,
            null,
            reason));
  }

  @Override
  public synchronized void release(DeliveryKey key, String reason, Instant now) {
    leases.put(key, Instant.EPOCH);
  }

  @Override
  public synchronized List<Delivery> ofUser(String userId, int limit) {
    return newestFirst(
        deliveries.values().stream().filter(d -> d.userId().equals(userId)).toList(), limit);
  }

  @Override
  public synchronized List<Delivery> ofOrder(String orderId, int limit) {
    return newestFirst(
        deliveries.values().stream().filter(d -> orderId.equals(d.orderId())).toList(), limit);
  }

  @Override
  public synchronized void eraseRecipients(String userId) {
    for (Delivery d : List.copyOf(deliveries.values())) {
      if (d.userId().equals(userId) && !d.key().recipient().equals(DeliveryKey.ERASED)) {
        deliveries.remove(d.key());
        DeliveryKey erased =
            new DeliveryKey(d.key().eventId(), d.key().channel(), DeliveryKey.ERASED);
        deliveries.put(
            erased,
            new Delivery(
                erased,
                d.userId(),
                d.orderId(),
                d.template(),
                d.occurredAt(),
                d.status(),
                d.createdAt(),
                d.updatedAt(),
                d.attempts(),
                d.provider(),
                d.providerMessageId(),
                null));
      }
    }
  }

  synchronized Delivery get(DeliveryKey key) {
    return deliveries.get(key);
  }

  synchronized List<Delivery> all() {
    return List.copyOf(deliveries.values());
  }

  private static List<Delivery> newestFirst(List<Delivery> deliveries, int limit) {
    return deliveries.stream()
        .sorted(Comparator.comparing(Delivery::occurredAt).reversed())
        .limit(limit)
        .toList();
  }

  private static Delivery change(Delivery d, DeliveryStatus status, Instant now, int attempts) {
    return new Delivery(
        d.key(),
        d.userId(),
        d.orderId(),
        d.template(),
        d.occurredAt(),
        status,
        d.createdAt(),
        now,
        attempts,
        d.provider(),
        d.providerMessageId(),
        d.failure());
  }
}
