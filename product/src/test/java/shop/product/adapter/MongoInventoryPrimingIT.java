package shop.product.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The inventory's write-path priming against the Mongo-wire server: nothing is sent. */
class MongoInventoryPrimingIT {
  private static final List<String> started = new CopyOnWriteArrayList<>();
  private static MongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void start() {
    server = new MongoServer(new MemoryBackend());
    CommandListener listener =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            started.add(event.getCommandName());
          }
        };
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener)
                .build());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void primingTheWritePathsSendsNoCommandAndChangesNoDocumentEvenForAnIdThatExists() {
    MongoDatabase database = client.getDatabase("priming");
    Document product = new Document("_id", "p-1").append("available", 5).append("reserved", 0);
    Document reservation = new Document("_id", "p-1").append("state", "PENDING");
    Mono.from(database.getCollection(ProductDocuments.COLLECTION).insertOne(product)).block();
    Mono.from(database.getCollection(MongoInventory.RESERVATIONS).insertOne(reservation)).block();
    MongoInventory inventory = new MongoInventory(database, Clock.systemUTC());
    started.clear();

    inventory.primeWrites("p-1");

    assertThat(started).as("commands sent while priming").isEmpty();
    assertThat(all(database, ProductDocuments.COLLECTION)).containsExactly(product);
    assertThat(all(database, MongoInventory.RESERVATIONS)).containsExactly(reservation);
  }

  private static List<Document> all(MongoDatabase database, String collection) {
    return Flux.from(database.getCollection(collection).find()).collectList().block();
  }
}
