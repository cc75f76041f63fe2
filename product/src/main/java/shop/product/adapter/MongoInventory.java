package shop.product.adapter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static shop.product.adapter.ProductDocuments.*;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import shop.product.catalog.ProductStatus;
import shop.product.inventory.HoldOutcome;
import shop.product.inventory.Inventory;
import shop.product.inventory.Rejection;
import shop.product.inventory.Reservation;
import shop.product.inventory.ReservationLine;
import shop.product.inventory.ReservationState;
import shop.product.inventory.StockChange;

/**
 * Stock and reservations in MongoDB with single-document conditional updates only (no
 * multi-document transactions, so it runs the same on the embedded server and on a real replica
 * set). Reservations are in {@code reservations}, keyed by order id.
 */
public final class MongoInventory implements Inventory {
  static final String RESERVATIONS = "reservations";
  private static final String STATE = "state";
  private static final String LINES = "lines";
  private static final String PRODUCT_ID = "productId";
  private static final String QUANTITY = "quantity";
  private static final String SEQUENCE = "sequence";
  private static final String DECIDED_AT = "decidedAt";
  private static final String REJECTIONS = "rejections";
  private static final String CREATED_AT = "createdAt";
  private static final String HELD = "HELD";
  private static final int ATTEMPTS = 5;

  private final MongoCollection<Document> products;
  private final MongoCollection<Document> reservations;
  private final Clock clock;

  public MongoInventory(MongoDatabase database, Clock clock) {
    this.products = database.getCollection(ProductDocuments.COLLECTION);
    this.reservations = database.getCollection(RESERVATIONS);
    this.clock = clock;
  }

  @Override
  public Reservation open(String orderId, List<ReservationLine> lines, long sequence) {
    List<Document> lineDocs =
        lines.stream()
            .map(l -> new Document(PRODUCT_ID, l.productId()).append(QUANTITY, l.quantity()))
            .toList();
    return openWith(
        orderId,
        new Document(STATE, ReservationState.PENDING.name())
            .append(LINES, lineDocs)
            .append(SEQUENCE, sequence));
  }

  @Override
  public Reservation openCancelled(String orderId) {
    return openWith(
        orderId,
        new Document(STATE, ReservationState.CANCELLED.name())
            .append(LINES, List.of())
            .append(SEQUENCE, 1L));
  }

  private Reservation openWith(String orderId, Document fields) {
    fields.append(CREATED_AT, Date.from(clock.instant()));
    try {
      Document stored =
          Mongo.one(
              reservations.findOneAndUpdate(
                  eq(ID, orderId),
                  new Document("$setOnInsert", fields),
                  new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
      return toReservation(stored);
    } catch (MongoWriteException e) {
      if (Mongo.isDuplicateKey(e)) {
        // A concurrent delivery inserted it first: theirs is the reservation.
        return reservation(orderId).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Reservation> reservation(String orderId) {
    return Optional.ofNullable(Mongo.one(reservations.find(eq(ID, orderId)).first()))
        .map(MongoInventory::toReservation);
  }

  @Override
  public HoldOutcome hold(String orderId, ReservationLine line) {
    int q = line.quantity();
    Document hold =
        new Document(HOLD_ORDER, orderId)
            .append(HOLD_QUANTITY, q)
            .append(HOLD_STATE, HELD)
            .append(HOLD_AT, Date.from(clock.instant()));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long modified =
          Mongo.one(
                  products.updateOne(
                      and(
                          eq(ID, line.productId()),
                          eq(STATUS, ProductStatus.ACTIVE.name()),
                          gte(AVAILABLE, q),
                          ne(HOLDS + "." + HOLD_ORDER, orderId)),
                      Updates.combine(
                          Updates.inc(AVAILABLE, -q),
                          Updates.inc(RESERVED, q),
                          Updates.push(HOLDS, hold))))
              .getModifiedCount();
      if (modified == 1) {
        return new HoldOutcome.Held();
      }
      Optional<HoldOutcome> settled = whyNotHeld(orderId, line);
      if (settled.isPresent()) {
        return settled.get();
      }
      // The product changed between the update and the read (stock came back): try again.
    }
    return new HoldOutcome.Refused(Rejection.Reason.OUT_OF_STOCK, 0);
  }

  private Optional<HoldOutcome> whyNotHeld(String orderId, ReservationLine line) {
    Document product = Mongo.one(products.find(eq(ID, line.productId())).first());
    if (product == null) {
      return Optional.of(new HoldOutcome.Refused(Rejection.Reason.UNKNOWN_PRODUCT, 0));
    }
    boolean recorded =
        product.getList(HOLDS, Document.class, List.of()).stream()
            .anyMatch(h -> orderId.equals(h.getString(HOLD_ORDER)));
    if (recorded) {
      // Held by an earlier delivery of this order (or already released or sold, after which the
      // reservation is decided and the caller's flip from PENDING fails).
      return Optional.of(new HoldOutcome.Held());
    }
    int available = Math.max(0, number(product, AVAILABLE).intValue());
    if (!ProductStatus.ACTIVE.name().equals(product.getString(STATUS))) {
      return Optional.of(new HoldOutcome.Refused(Rejection.Reason.ARCHIVED, 0));
    }
    if (available < line.quantity()) {
      return Optional.of(new HoldOutcome.Refused(Rejection.Reason.OUT_OF_STOCK, available));
    }
    return Optional.empty();
  }

  @Override
  public void release(String orderId, ReservationLine line) {
    settleHold(
        orderId,
        line,
        "RELEASED",
        Updates.inc(AVAILABLE, line.quantity()),
        Updates.inc(RESERVED, -line.quantity()));
  }

  @Override
  public void sell(String orderId, ReservationLine line) {
    settleHold(
        orderId,
        line,
        "SOLD",
        Updates.inc(ON_HAND, -line.quantity()),
        Updates.inc(RESERVED, -line.quantity()));
  }

  /**
   * Stock back in one conditional update: the product records {@code key} as a settled hold
   * (RESTOCKED), so a redelivered event matches nothing; the marker is pruned with the others.
   */
  @Override
  public void restock(String key, ReservationLine line) {
    Document marker =
        new Document(HOLD_ORDER, key)
            .append(HOLD_QUANTITY, line.quantity())
            .append(HOLD_STATE, "RESTOCKED")
            .append(HOLD_AT, Date.from(clock.instant()));
    Mongo.one(
        products.updateOne(
            and(eq(ID, line.productId()), ne(HOLDS + "." + HOLD_ORDER, key)),
            Updates.combine(
                Updates.inc(ON_HAND, line.quantity()),
                Updates.inc(AVAILABLE, line.quantity()),
                Updates.push(HOLDS, marker))));
  }

  /**
   * Moves the order's HELD hold to {@code state} together with the stock change: matches only while
   * the hold is HELD, so it applies once. The hold stays as a marker so that a late, concurrent
   * delivery of the same order cannot hold the units again; {@link #pruneSettledHolds} drops old
   * markers.
   */
  private void settleHold(
      String orderId, ReservationLine line, String state, Bson stockChange, Bson reservedChange) {
    Mongo.one(
        products.updateOne(
            and(
                eq(ID, line.productId()),
                elemMatch(
                    HOLDS,
                    and(
                        eq(HOLD_ORDER, orderId),
                        eq(HOLD_STATE, HELD),
                        eq(HOLD_QUANTITY, line.quantity())))),
            Updates.combine(
                stockChange,
                reservedChange,
                Updates.set(HOLDS + ".$." + HOLD_STATE, state),
                Updates.set(HOLDS + ".$." + HOLD_AT, Date.from(clock.instant())))));
  }

  /**
   * Removes the markers of holds released or sold before {@code before}: long after any delivery of
   * their order could still be running. Returns how many products changed.
   */
  public long pruneSettledHolds(Instant before) {
    Bson settled = and(ne(HOLD_STATE, HELD), lt(HOLD_AT, Date.from(before)));
    return Mongo.one(
            products.updateMany(
                elemMatch(HOLDS, settled), Updates.pullByFilter(new Document(HOLDS, settled))))
        .getModifiedCount();
  }

  @Override
  public Reservation transition(
      String orderId,
      Set<ReservationState> from,
      ReservationState to,
      Instant at,
      List<Rejection> rejections) {
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set(STATE, to.name()));
    if (at != null) {
      updates.add(Updates.set(DECIDED_AT, Date.from(at)));
    }
    if (to == ReservationState.REJECTED) {
      updates.add(
          Updates.set(REJECTIONS, rejections.stream().map(MongoInventory::toDocument).toList()));
    }
    Document moved =
        Mongo.one(
            reservations.findOneAndUpdate(
                and(eq(ID, orderId), in(STATE, from.stream().map(Enum::name).toList())),
                Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    if (moved != null) {
      return toReservation(moved);
    }
    return reservation(orderId)
        .orElseThrow(() -> new IllegalStateException("reservation " + orderId + " vanished"));
  }

  @Override
  public StockChange setOnHand(String productId, int onHand) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document current =
          Mongo.one(products.find(eq(ID, productId)).projection(WITHOUT_HOLDS).first());
      if (current == null) {
        return new StockChange.NoSuchProduct();
      }
      int reserved = number(current, RESERVED).intValue();
      if (onHand < reserved) {
        return new StockChange.BelowReserved(reserved);
      }
      // Conditional on the counters just read: a hold or sale in between makes this miss, and
      // the loop reads again.
      long modified =
          Mongo.one(
                  products.updateOne(
                      and(
                          eq(ID, productId),
                          eq(RESERVED, reserved),
                          eq(ON_HAND, number(current, ON_HAND).intValue())),
                      Updates.combine(
                          Updates.set(ON_HAND, onHand),
                          Updates.set(AVAILABLE, onHand - reserved),
                          Updates.set(UPDATED_AT, Date.from(clock.instant())),
                          Updates.inc(VERSION, 1L))))
              .getModifiedCount();
      if (modified == 1) {
        return new StockChange.Done();
      }
    }
    throw new IllegalStateException(
        "stock of " + productId + " changed " + ATTEMPTS + " times while being set; retry");
  }

  /**
   * For SnapStart's priming: runs the driver's write paths that the consumer's first call takes (an
   * update as a hold's, an update of many as the outbox's claims, a find-and-modify as a
   * reservation's) as far as the wire, without sending anything. Each update sets a field that is
   * not an update operator: the driver refuses it while encoding the command, before a byte is
   * written to the socket (no command is started, so no command listener sees one). Had a driver
   * sent it anyway, it would still change nothing: it matches an id no document has and never
   * upserts, and the server refuses a replacement as an update of many. What this cannot run is the
   * answer's decoding.
   */
  public void primeWrites(String noSuchId) {
    Document notAnOperator = new Document("primingNeverSent", true);
    // Shaped as a hold's (a filter of conditions, operators combined), the non-operator first.
    refusedByDriver(
        () ->
            Mongo.one(
                products.updateOne(
                    and(eq(ID, noSuchId), gte(AVAILABLE, 0)),
                    Updates.combine(notAnOperator, Updates.inc(AVAILABLE, 0)))));
    refusedByDriver(() -> Mongo.one(products.updateMany(eq(ID, noSuchId), notAnOperator)));
    refusedByDriver(
        () ->
            Mongo.one(
                reservations.findOneAndUpdate(
                    eq(ID, noSuchId),
                    notAnOperator,
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
  }

  private static void refusedByDriver(Runnable write) {
    try {
      write.run();
    } catch (IllegalArgumentException expected) {
      // The driver's refusal to encode it: the path up to the socket ran, and nothing was sent.
      return;
    }
    throw new IllegalStateException(
        "the MongoDB driver sent a priming update instead of refusing it");
  }

  private static Reservation toReservation(Document d) {
    List<ReservationLine> lines =
        d.getList(LINES, Document.class, List.of()).stream()
            .map(l -> new ReservationLine(l.getString(PRODUCT_ID), number(l, QUANTITY).intValue()))
            .toList();
    List<Rejection> rejections =
        d.getList(REJECTIONS, Document.class, List.of()).stream()
            .map(
                r ->
                    new Rejection(
                        r.getString(PRODUCT_ID),
                        number(r, "requested").intValue(),
                        number(r, "available").intValue(),
                        Rejection.Reason.valueOf(r.getString("reason"))))
            .toList();
    Date decidedAt = d.getDate(DECIDED_AT);
    return new Reservation(
        d.getString(ID),
        lines,
        ReservationState.valueOf(d.getString(STATE)),
        number(d, SEQUENCE).longValue(),
        decidedAt == null ? null : decidedAt.toInstant(),
        rejections);
  }

  private static Document toDocument(Rejection r) {
    return new Document(PRODUCT_ID, r.productId())
        .append("requested", r.requested())
        .append("available", r.available())
        .append("reason", r.reason().name());
  }
}
