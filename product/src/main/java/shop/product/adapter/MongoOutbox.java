package shop.product.adapter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.InventoryRejected;
import shop.events.InventoryReserved;
import shop.events.ShopEvent;
import shop.events.StockLine;
import shop.platform.outbox.EventBus;
import shop.product.inventory.Reservation;
import shop.product.inventory.ReservationEvents;
import shop.product.inventory.ReservationState;

/**
 * The outbox of product's events in MongoDB (collection {@code outbox}). An entry is written
 * (insert-if-absent, keyed by the CloudEvent id) after the reservation's decision is stored and
 * before the message that caused it is acknowledged; its id is derived from the order id and the
 * outcome, so a redelivery that records it again changes nothing and a retried publish is the same
 * event. Entries wait PENDING until the relay has the bus accept them (SENT), or are PARKED for an
 * operator after too many failures.
 */
public final class MongoOutbox implements ReservationEvents {
  static final String COLLECTION = "outbox";
  static final String ID = "_id";
  static final String SOURCE = "source";
  static final String DETAIL_TYPE = "detailType";
  static final String TIME = "time";
  static final String DETAIL = "detail";
  static final String STATUS = "status";
  static final String ATTEMPTS = "attempts";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String CREATED_AT = "createdAt";
  static final String SENT_AT = "sentAt";
  static final String LAST_ERROR = "lastError";
  static final String CLAIM = "claim";

  /** Where an entry is. */
  public enum Status {
    PENDING,
    SENT,
    PARKED
  }

  private final MongoCollection<Document> outbox;
  private final CloudEventCodec codec = CloudEventCodec.instance();
  private final Clock clock;

  public MongoOutbox(MongoDatabase database, Clock clock) {
    this.outbox = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /** The CloudEvent id of the event that announces {@code reservation}'s decision. */
  public static String eventId(Reservation reservation) {
    return eventId(reservation.orderId(), reservation.state());
  }

  /** The CloudEvent id of the event that announces order {@code orderId}'s {@code outcome}. */
  public static String eventId(String orderId, ReservationState outcome) {
    String name = "shop.product/" + orderId + "/" + outcome.name();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public void record(Reservation decided) {
    EventEnvelope<ShopEvent> event = envelope(decided);
    // Encoding validates against the schema: an invalid event fails here, before it is stored.
    String detail = codec.encode(event);
    Instant now = clock.instant();
    Document entry =
        new Document(SOURCE, event.source())
            .append(DETAIL_TYPE, event.type().eventName())
            .append(TIME, Date.from(event.time()))
            .append(DETAIL, detail)
            .append(STATUS, Status.PENDING.name())
            .append(ATTEMPTS, 0)
            .append(NEXT_ATTEMPT_AT, Date.from(now))
            .append(CREATED_AT, Date.from(now));
    try {
      Mongo.one(
          outbox.updateOne(
              eq(ID, event.id()),
              new Document("$setOnInsert", entry),
              new UpdateOptions().upsert(true)));
    } catch (com.mongodb.MongoWriteException e) {
      if (!Mongo.isDuplicateKey(e)) {
        throw e;
      }
      // A concurrent delivery stored the same entry first: recorded either way.
    }
  }

  static EventEnvelope<ShopEvent> envelope(Reservation r) {
    ShopEvent data =
        switch (r.state()) {
          case RESERVED ->
              new InventoryReserved(
                  r.orderId(),
                  r.lines().stream().map(l -> new StockLine(l.productId(), l.quantity())).toList(),
                  r.decidedAt());
          case REJECTED ->
              new InventoryRejected(
                  r.orderId(),
                  r.rejections().stream()
                      .map(
                          x ->
                              new InventoryRejected.Rejection(
                                  x.productId(), x.requested(), x.available(), x.reason().name()))
                      .toList(),
                  r.decidedAt());
          default ->
              throw new IllegalArgumentException(
                  "a " + r.state() + " reservation announces nothing");
        };
    return new EventEnvelope<>(
        eventId(r), EventType.of(data), r.orderId(), r.sequence(), r.decidedAt(), data);
  }

  /**
   * Claims up to {@code max} due PENDING entries (those in {@code ids}, or the oldest due ones) by
   * pushing their next attempt {@code lease} into the future under a claim token of this call, so a
   * concurrent relay skips them; a relay that dies mid-send leaves them due again when the lease
   * ends. Three round trips at most, whatever the number of entries: find the oldest (sweep only),
   * claim them all in one update, read back those this call won.
   */
  List<EventBus.Outgoing> claim(Collection<String> ids, int max, Duration lease) {
    Instant now = clock.instant();
    Bson due = and(eq(STATUS, Status.PENDING.name()), lte(NEXT_ATTEMPT_AT, Date.from(now)));
    List<String> candidates =
        ids != null ? ids.stream().distinct().limit(max).toList() : oldestDue(due, max);
    if (candidates.isEmpty()) {
      return List.of();
    }
    String token = UUID.randomUUID().toString();
    long won =
        Mongo.one(
                outbox.updateMany(
                    and(in(ID, candidates), due),
                    Updates.combine(
                        Updates.set(NEXT_ATTEMPT_AT, Date.from(now.plus(lease))),
                        Updates.set(CLAIM, token))))
            .getModifiedCount();
    if (won == 0) {
      return List.of();
    }
    // Read back by id alone (the id index) and keep this call's claims, in the candidates' order.
    Map<String, Document> read = new HashMap<>();
    for (Document entry : Mongo.all(outbox.find(in(ID, candidates)))) {
      if (token.equals(entry.getString(CLAIM))) {
        read.put(entry.getString(ID), entry);
      }
    }
    return candidates.stream()
        .map(read::get)
        .filter(Objects::nonNull)
        .map(
            entry ->
                new EventBus.Outgoing(
                    entry.getString(ID),
                    entry.getString(SOURCE),
                    entry.getString(DETAIL_TYPE),
                    entry.getDate(TIME).toInstant(),
                    entry.getString(DETAIL)))
        .toList();
  }

  private List<String> oldestDue(Bson due, int max) {
    return Mongo.all(
            outbox
                .find(due)
                .sort(Sorts.ascending(NEXT_ATTEMPT_AT, ID))
                .limit(max)
                .projection(new Document(ID, 1)))
        .stream()
        .map(entry -> entry.getString(ID))
        .toList();
  }

  /** Marks the entries the bus accepted, in one update. */
  void markSent(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Mongo.one(
        outbox.updateMany(
            in(ID, ids),
            Updates.combine(
                Updates.set(STATUS, Status.SENT.name()),
                Updates.set(SENT_AT, Date.from(clock.instant())),
                Updates.inc(ATTEMPTS, 1))));
  }

  /**
   * Deletes the entries sent before {@code before}; returns how many went. A sent entry is never
   * needed again: the bus has the event (and its archive keeps it for replays).
   */
  public long deleteSent(Instant before) {
    return Mongo.one(
            outbox.deleteMany(and(eq(STATUS, Status.SENT.name()), lt(SENT_AT, Date.from(before)))))
        .getDeletedCount();
  }

  /** Records a failed send; returns the number of failed attempts so far. */
  int markFailed(String id, String error, Duration retryAfter, boolean park) {
    Document entry =
        Mongo.one(
            outbox.findOneAndUpdate(
                eq(ID, id),
                Updates.combine(
                    Updates.inc(ATTEMPTS, 1),
                    Updates.set(LAST_ERROR, error),
                    Updates.set(STATUS, park ? Status.PARKED.name() : Status.PENDING.name()),
                    Updates.set(NEXT_ATTEMPT_AT, Date.from(clock.instant().plus(retryAfter)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    return entry == null ? 0 : ((Number) entry.get(ATTEMPTS)).intValue();
  }

  /** Failed attempts of entry {@code id} so far (0 when unknown). */
  int attempts(String id) {
    Document entry = Mongo.one(outbox.find(eq(ID, id)).first());
    return entry == null ? 0 : ((Number) entry.get(ATTEMPTS)).intValue();
  }

  /** The entry's status, for operators and tests. */
  public Status status(String id) {
    Document entry = Mongo.one(outbox.find(eq(ID, id)).first());
    return entry == null ? null : Status.valueOf(entry.getString(STATUS));
  }

  /** Puts PARKED entries back in line (operator replay after a long outage). */
  public long unpark() {
    return Mongo.one(
            outbox.updateMany(
                eq(STATUS, Status.PARKED.name()),
                Updates.combine(
                    Updates.set(STATUS, Status.PENDING.name()),
                    Updates.set(ATTEMPTS, 0),
                    Updates.set(NEXT_ATTEMPT_AT, Date.from(clock.instant())))))
        .getModifiedCount();
  }

  /** Whether {@code reservation} is decided with an event to publish (RESERVED or REJECTED). */
  public static boolean announces(Reservation reservation) {
    return reservation.state() == ReservationState.RESERVED
        || reservation.state() == ReservationState.REJECTED;
  }
}
