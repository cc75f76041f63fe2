package shop.product.adapter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import shop.events.EventType;
import shop.platform.outbox.MongoOutboxStore;

/**
 * The indexes product's queries need (the unique sku among them) and the outbox's, created by the
 * deployment ({@code EnsureIndexesHandler}), not at a function's cold start. Creating an index that
 * exists with the same keys and options is a no-op, so every deployment runs it. It also upgrades
 * outbox entries written before the platform's store (see {@link #upgradeLegacyOutboxEntries}).
 */
public final class MongoIndexes {
  private MongoIndexes() {}

  /** Creates what is missing; returns the names of the indexes. */
  public static List<String> ensure(MongoDatabase database) {
    var products = database.getCollection(ProductDocuments.COLLECTION);
    Mongo.one(
        products.createIndex(
            Indexes.ascending(ProductDocuments.SKU),
            new IndexOptions().unique(true).name("sku_unique")));
    Mongo.one(
        products.createIndex(
            Indexes.ascending(ProductDocuments.CATEGORY_IDS, ProductDocuments.PRICE),
            new IndexOptions().name("category_price")));
    Mongo.one(
        products.createIndex(
            Indexes.ascending(ProductDocuments.STATUS, ProductDocuments.ID),
            new IndexOptions().name("status_id")));
    Mongo.one(
        database
            .getCollection(MongoCatalog.CATEGORIES)
            .createIndex(Indexes.ascending("parentId"), new IndexOptions().name("parent")));
    // The clock is not used by index creation.
    new MongoOutboxStore(database, Clock.systemUTC()).createIndexes();
    upgradeLegacyOutboxEntries(database);
    return List.of(
        "sku_unique", "category_price", "status_id", "parent", "status_due", "status_sent");
  }

  /**
   * Gives the entries product's own outbox wrote (before the platform's store) the CloudEvent type
   * the relay reads: they kept the event name in {@code detailType} and no {@code type}, so the
   * relay would park the events still pending at the deployment instead of sending them. Run before
   * the new functions serve; once done, it matches nothing.
   */
  static void upgradeLegacyOutboxEntries(MongoDatabase database) {
    var outbox = database.getCollection(MongoOutboxStore.COLLECTION);
    for (EventType type : List.of(EventType.INVENTORY_RESERVED, EventType.INVENTORY_REJECTED)) {
      Mongo.one(
          outbox.updateMany(
              and(eq("detailType", type.eventName()), exists("type", false)),
              Updates.set("type", type.type())));
    }
  }
}
