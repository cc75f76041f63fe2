package shop.product.adapter;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import shop.platform.outbox.MongoOutboxStore;

/**
 * The indexes product's queries need (the unique sku among them) and the outbox's, created by the
 * deployment ({@code EnsureIndexesHandler}), not at a function's cold start. Creating an index that
 * exists with the same keys and options is a no-op, so every deployment runs it.
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
    return List.of(
        "sku_unique", "category_price", "status_id", "parent", "status_due", "status_sent");
  }
}
