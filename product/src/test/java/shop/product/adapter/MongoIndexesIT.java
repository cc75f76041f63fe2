package shop.product.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.events.ShopEvent;
import shop.platform.outbox.EventBus;
import shop.platform.outbox.MongoOutboxStore;
import shop.platform.outbox.OutboxRelay;
import shop.platform.outbox.RelayPolicy;
import shop.platform.outbox.RelaySummary;
import shop.product.inventory.Reservation;
import shop.product.inventory.ReservationLine;
import shop.product.inventory.ReservationState;

/** The deployment's index job against the Mongo-wire server. */
class MongoIndexesIT {
  private static MongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void namesTheIndexesItCreatesAndRunsAgainWithoutHarm() {
    MongoDatabase database = client.getDatabase("indexes-twice");
    List<String> expected =
        List.of("sku_unique", "category_price", "status_id", "parent", "status_due", "status_sent");

    assertThat(MongoIndexes.ensure(database)).isEqualTo(expected);
    assertThat(MongoIndexes.ensure(database)).isEqualTo(expected);
  }

  @Test
  void givesPendingEntriesOfTheFormerOutboxTheirTypeSoTheRelaySendsThem() {
    MongoDatabase database = client.getDatabase("legacy-outbox");
    EventEnvelope<ShopEvent> event =
        OutboxReservationEvents.envelope(
            new Reservation(
                "order-1",
                List.of(new ReservationLine("p1", 2)),
                ReservationState.RESERVED,
                2,
                Instant.parse("2026-03-01T12:00:00Z"),
                List.of()));
    // An entry as product's own outbox wrote it: the event name in detailType, no type.
    Date now = new Date();
    Mongo.one(
        database
            .getCollection(MongoOutboxStore.COLLECTION)
            .insertOne(
                new Document("_id", event.id())
                    .append("source", event.source())
                    .append("detailType", "InventoryReserved")
                    .append("time", Date.from(event.time()))
                    .append("detail", CloudEventCodec.instance().encode(event))
                    .append("status", "PENDING")
                    .append("attempts", 0)
                    .append("nextAttemptAt", now)
                    .append("createdAt", now)));

    MongoIndexes.ensure(database);

    List<EventBus.Outgoing> sent = new CopyOnWriteArrayList<>();
    EventBus bus =
        outgoing -> {
          sent.addAll(outgoing);
          return outgoing.stream().map(o -> EventBus.Result.accepted()).toList();
        };
    OutboxRelay relay =
        new OutboxRelay(
            new MongoOutboxStore(database, Clock.systemUTC()), bus, RelayPolicy.defaults());
    assertThat(relay.relayPending(10)).isEqualTo(new RelaySummary(1, 0, 0));
    assertThat(sent)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo(event.id());
              assertThat(o.source()).isEqualTo("shop.product");
              assertThat(o.detailType()).isEqualTo("InventoryReserved");
            });
  }
}
