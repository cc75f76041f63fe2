package shop.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.platform.observability.Traces;

/**
 * The outbox of a MongoDB service: the collection {@code outbox}, one document per event keyed by
 * its CloudEvent id. MongoDB here has no multi-document transactions, so an entry is appended
 * (insert-if-absent) right after the state change it announces is stored and before the message or
 * request that caused it is acknowledged; a redelivery appends the same event again, which changes
 * nothing. Claims are one update under a claim token, so concurrent relays skip each other's
 * entries; times are the service's clock.
 */
public final class MongoOutboxStore implements OutboxStore {
  /** The collection, for the deployment's index job. */
  public static final String COLLECTION = "outbox";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String ID = "_id";
  private static final String TYPE = "type";
  private static final String SOURCE = "source";
  private static final String TRACE_HEADER = "traceHeader";
  private static final String SUBJECT = "subject";
  private static final String TIME = "time";
  private static final String DETAIL = "detail";
  private static final String STATUS = "status";
  private static final String ATTEMPTS = "attempts";
  private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  private static final String CREATED_AT = "createdAt";
  private static final String SENT_AT = "sentAt";
  private static final String LAST_ERROR = "lastError";
  private static final String CLAIM = "claim";
  private static final String PENDING = "PENDING";
  private static final String SENT = "SENT";
  private static final String PARKED = "PARKED";

  private final MongoCollection<Document> outbox;
  private final CloudEventCodec codec = CloudEventCodec.instance();
  private final Clock clock;

  public MongoOutboxStore(MongoDatabase database, Clock clock) {
    this.outbox = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /**
   * The indexes the claims and the retention need: pending entries by due time, sent ones by when
   * they went. Run by the deployment's index job, never at a cold start.
   */
  public void createIndexes() {
    one(
        outbox.createIndex(
            Indexes.ascending(STATUS, NEXT_ATTEMPT_AT), new IndexOptions().name("status_due")));
    one(
        outbox.createIndex(
            Indexes.ascending(STATUS, SENT_AT), new IndexOptions().name("status_sent")));
  }

  /**
   * Appends {@code event}, encoded and validated against its schema first (an invalid event fails
   * here, before anything is stored), unless an entry with its id exists; then notes it in {@link
   * CommittedEvents} for the entry point's fast path.
   */
  public void append(EventEnvelope<?> event) {
    String detail = codec.encode(event);
    Date now = Date.from(clock.instant());
    Document entry =
        new Document(TYPE, event.type().type())
            .append(SOURCE, event.source())
            .append(SUBJECT, event.subject())
            .append(TIME, Date.from(event.time()))
            .append(DETAIL, detail)
            .append(STATUS, PENDING)
            .append(ATTEMPTS, 0)
            .append(NEXT_ATTEMPT_AT, now)
            .append(CREATED_AT, now);
    // The trace of the request or message that writes the event, on to PutEvents.
    Traces.current().ifPresent(trace -> entry.append(TRACE_HEADER, trace));
    try {
      one(
          outbox.updateOne(
              eq(ID, event.id()),
              new Document("$setOnInsert", entry),
              new UpdateOptions().upsert(true)));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // A concurrent delivery stored the same entry first: appended either way.
    }
    CommittedEvents.add(event.id());
  }

  @Override
  public List<OutboxEntry> claim(Collection<String> ids, Duration lease) {
    return claim(ids.stream().distinct().toList(), clock.instant(), lease);
  }

  @Override
  public List<OutboxEntry> claimDue(int max, Duration lease) {
    Instant now = clock.instant();
    List<String> oldest =
        all(
                outbox
                    .find(due(now))
                    .sort(Sorts.ascending(NEXT_ATTEMPT_AT, ID))
                    .limit(max)
                    .projection(new Document(ID, 1)))
            .stream()
            .map(entry -> entry.getString(ID))
            .toList();
    return claim(oldest, now, lease);
  }

  /**
   * Claims the due ones of {@code candidates} in one update under a token of this call, then reads
   * back by id those this call won, in the candidates' order: two round trips for a batch.
   */
  private List<OutboxEntry> claim(List<String> candidates, Instant now, Duration lease) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    String token = UUID.randomUUID().toString();
    long won =
        one(outbox.updateMany(
                and(in(ID, candidates), due(now)),
                Updates.combine(
                    Updates.set(NEXT_ATTEMPT_AT, Date.from(now.plus(lease))),
                    Updates.set(CLAIM, token))))
            .getModifiedCount();
    if (won == 0) {
      return List.of();
    }
    Map<String, Document> read = new HashMap<>();
    for (Document entry : all(outbox.find(in(ID, candidates)))) {
      if (token.equals(entry.getString(CLAIM))) {
        read.put(entry.getString(ID), entry);
      }
    }
    return candidates.stream().map(read::get).filter(Objects::nonNull).map(this::entry).toList();
  }

  private static Bson due(Instant now) {
    return and(eq(STATUS, PENDING), lte(NEXT_ATTEMPT_AT, Date.from(now)));
  }

  private OutboxEntry entry(Document entry) {
    Date time = entry.getDate(TIME);
    return new OutboxEntry(
        entry.getString(ID),
        entry.getString(TYPE),
        entry.getString(SOURCE),
        time == null ? null : time.toInstant(),
        entry.getString(DETAIL),
        attempts(entry),
        entry.getString(TRACE_HEADER));
  }

  @Override
  public void markSent(Collection<String> ids) {
    one(
        outbox.updateMany(
            and(in(ID, ids), eq(STATUS, PENDING)),
            Updates.combine(
                Updates.set(STATUS, SENT),
                Updates.set(SENT_AT, Date.from(clock.instant())),
                Updates.unset(LAST_ERROR),
                Updates.inc(ATTEMPTS, 1))));
  }

  @Override
  public void retryLater(String id, String error, Duration delay) {
    one(
        outbox.updateOne(
            and(eq(ID, id), eq(STATUS, PENDING)),
            Updates.combine(
                Updates.inc(ATTEMPTS, 1),
                Updates.set(LAST_ERROR, error),
                Updates.set(NEXT_ATTEMPT_AT, Date.from(clock.instant().plus(delay))))));
  }

  @Override
  public void park(String id, String error) {
    one(
        outbox.updateOne(
            and(eq(ID, id), eq(STATUS, PENDING)),
            Updates.combine(
                Updates.inc(ATTEMPTS, 1),
                Updates.set(LAST_ERROR, error),
                Updates.set(STATUS, PARKED))));
  }

  @Override
  public long deleteSent(Duration age, int max) {
    Date before = Date.from(clock.instant().minus(age));
    List<String> oldest =
        all(
                outbox
                    .find(and(eq(STATUS, SENT), lt(SENT_AT, before)))
                    .sort(Sorts.ascending(SENT_AT))
                    .limit(max)
                    .projection(new Document(ID, 1)))
            .stream()
            .map(entry -> entry.getString(ID))
            .toList();
    if (oldest.isEmpty()) {
      return 0;
    }
    return one(outbox.deleteMany(and(in(ID, oldest), eq(STATUS, SENT)))).getDeletedCount();
  }

  @Override
  public OutboxBacklog backlog() {
    long pending = one(outbox.countDocuments(eq(STATUS, PENDING)));
    if (pending == 0) {
      return OutboxBacklog.EMPTY;
    }
    List<Document> oldest =
        all(
            outbox
                .find(eq(STATUS, PENDING))
                .sort(Sorts.ascending(CREATED_AT))
                .limit(1)
                .projection(new Document(CREATED_AT, 1).append(SOURCE, 1)));
    return oldest.isEmpty()
        ? new OutboxBacklog(pending, null, null)
        : new OutboxBacklog(
            pending,
            oldest.getFirst().getDate(CREATED_AT).toInstant(),
            oldest.getFirst().getString(SOURCE));
  }

  @Override
  public List<ParkedEntry> parked(int max) {
    return all(outbox.find(eq(STATUS, PARKED)).sort(Sorts.ascending(CREATED_AT, ID)).limit(max))
        .stream()
        .map(
            entry ->
                new ParkedEntry(
                    entry.getString(ID),
                    entry.getString(TYPE),
                    entry.getString(SUBJECT),
                    attempts(entry),
                    entry.getString(LAST_ERROR),
                    entry.getDate(CREATED_AT).toInstant()))
        .toList();
  }

  @Override
  public boolean retry(String id) {
    return one(outbox.updateOne(and(eq(ID, id), eq(STATUS, PARKED)), unpark())).getModifiedCount()
        > 0;
  }

  @Override
  public long retryAllParked() {
    return one(outbox.updateMany(eq(STATUS, PARKED), unpark())).getModifiedCount();
  }

  private Bson unpark() {
    return Updates.combine(
        Updates.set(STATUS, PENDING),
        Updates.set(ATTEMPTS, 0),
        Updates.set(NEXT_ATTEMPT_AT, Date.from(clock.instant())));
  }

  /** The entry's status ({@code PENDING}, {@code SENT}, {@code PARKED}), if it exists. */
  public Optional<String> status(String id) {
    return Optional.ofNullable(one(outbox.find(eq(ID, id)).first()))
        .map(entry -> entry.getString(STATUS));
  }

  private static int attempts(Document entry) {
    Object attempts = entry.get(ATTEMPTS);
    return attempts instanceof Number n ? n.intValue() : 0;
  }

  // A Lambda handles one request at a time: each call waits for its round trip, bounded.
  private static <T> T one(Publisher<T> publisher) {
    return Mono.from(publisher).block(TIMEOUT);
  }

  private static <T> List<T> all(Publisher<T> publisher) {
    return Flux.from(publisher).collectList().block(TIMEOUT);
  }
}
