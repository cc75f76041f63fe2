package shop.product.adapter;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;

/**
 * The indexes product's queries need, created at cold start. Creating an index that exists with the
 * same keys and options is a no-op, so this runs on every start.
 */
public final class MongoIndexes {
  private MongoIndexes() {}

  public static void ensure(MongoDatabase database) {
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
    Mongo.one(
        database
            .getCollection(MongoOutbox.COLLECTION, Document.class)
            .createIndex(
                Indexes.ascending(MongoOutbox.STATUS, MongoOutbox.NEXT_ATTEMPT_AT),
                new IndexOptions().name("status_due")));
  }
}
