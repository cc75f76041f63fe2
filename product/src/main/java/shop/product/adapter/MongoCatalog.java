package shop.product.adapter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static shop.product.adapter.ProductDocuments.*;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import shop.platform.domain.ConflictException;
import shop.product.catalog.Catalog;
import shop.product.catalog.Category;
import shop.product.catalog.CategoryChanges;
import shop.product.catalog.NewCategory;
import shop.product.catalog.NewProduct;
import shop.product.catalog.Product;
import shop.product.catalog.ProductChanges;
import shop.product.catalog.ProductQuery;
import shop.product.catalog.ProductStatus;

/** Products and categories in MongoDB: collections {@code products} and {@code categories}. */
public final class MongoCatalog implements Catalog {
  static final String CATEGORIES = "categories";
  private static final String PARENT_ID = "parentId";
  private static final FindOneAndUpdateOptions AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(WITHOUT_HOLDS);

  private final MongoCollection<Document> products;
  private final MongoCollection<Document> categories;
  private final Clock clock;

  public MongoCatalog(MongoDatabase database, Clock clock) {
    this.products = database.getCollection(COLLECTION);
    this.categories = database.getCollection(CATEGORIES);
    this.clock = clock;
  }

  @Override
  public Product insert(NewProduct p) {
    Date now = Date.from(clock.instant());
    Document doc =
        new Document(ID, new ObjectId().toHexString())
            .append(SKU, p.sku())
            .append(NAME, p.name())
            .append(DESCRIPTION, p.description())
            .append(PRICE, p.price())
            .append(CURRENCY, p.currency())
            .append(CATEGORY_IDS, p.categoryIds())
            .append(IMAGES, List.of())
            .append(ON_HAND, p.stock())
            .append(RESERVED, 0)
            .append(AVAILABLE, p.stock())
            .append(HOLDS, List.of())
            .append(STATUS, ProductStatus.ACTIVE.name())
            .append(VERSION, 1L)
            .append(CREATED_AT, now)
            .append(UPDATED_AT, now);
    try {
      Mongo.one(products.insertOne(doc));
    } catch (MongoWriteException e) {
      if (Mongo.isDuplicateKey(e)) {
        throw new ConflictException("sku " + p.sku() + " is taken");
      }
      throw e;
    }
    return toProduct(doc);
  }

  @Override
  public Optional<Product> product(String id) {
    return Optional.ofNullable(
            Mongo.one(products.find(eq(ID, id)).projection(WITHOUT_HOLDS).first()))
        .map(ProductDocuments::toProduct);
  }

  @Override
  public List<Product> products(Collection<String> ids) {
    return Mongo.all(products.find(in(ID, ids)).projection(WITHOUT_HOLDS)).stream()
        .map(ProductDocuments::toProduct)
        .toList();
  }

  @Override
  public List<Product> search(ProductQuery q) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq(STATUS, ProductStatus.ACTIVE.name()));
    if (q.categoryId() != null) {
      filters.add(eq(CATEGORY_IDS, q.categoryId()));
    }
    if (q.minPrice() != null) {
      filters.add(gte(PRICE, q.minPrice()));
    }
    if (q.maxPrice() != null) {
      filters.add(lte(PRICE, q.maxPrice()));
    }
    if (q.text() != null) {
      String literal = literal(q.text());
      filters.add(
          or(
              regex(NAME, literal, "i"),
              regex(DESCRIPTION, literal, "i"),
              regex(SKU, literal, "i")));
    }
    if (q.afterId() != null) {
      filters.add(gt(ID, q.afterId()));
    }
    return Mongo.all(
            products
                .find(and(filters))
                .projection(WITHOUT_HOLDS)
                .sort(Sorts.ascending(ID))
                .limit(q.limit() + 1))
        .stream()
        .map(ProductDocuments::toProduct)
        .toList();
  }

  /** {@code text} as a regular expression that matches exactly that text. */
  static String literal(String text) {
    StringBuilder pattern = new StringBuilder(text.length() * 2);
    for (char c : text.toCharArray()) {
      if ("\\^$.|?*+()[]{}/-#&~<>=!:,\"' ".indexOf(c) >= 0) {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return pattern.toString();
  }

  @Override
  public Optional<Product> update(String id, long expectedVersion, ProductChanges c) {
    List<Bson> sets = new ArrayList<>();
    if (c.name() != null) {
      sets.add(Updates.set(NAME, c.name()));
    }
    if (c.description() != null) {
      sets.add(Updates.set(DESCRIPTION, c.description()));
    }
    if (c.price() != null) {
      sets.add(Updates.set(PRICE, c.price()));
    }
    if (c.currency() != null) {
      sets.add(Updates.set(CURRENCY, c.currency()));
    }
    if (c.categoryIds() != null) {
      sets.add(Updates.set(CATEGORY_IDS, c.categoryIds()));
    }
    sets.add(Updates.set(UPDATED_AT, Date.from(clock.instant())));
    sets.add(Updates.inc(VERSION, 1L));
    return Optional.ofNullable(
            Mongo.one(
                products.findOneAndUpdate(
                    and(
                        eq(ID, id),
                        eq(VERSION, expectedVersion),
                        eq(STATUS, ProductStatus.ACTIVE.name())),
                    Updates.combine(sets),
                    AFTER)))
        .map(ProductDocuments::toProduct);
  }

  @Override
  public boolean archive(String id) {
    var result =
        Mongo.one(
            products.updateOne(
                and(eq(ID, id), eq(STATUS, ProductStatus.ACTIVE.name())),
                Updates.combine(
                    Updates.set(STATUS, ProductStatus.ARCHIVED.name()),
                    Updates.set(UPDATED_AT, Date.from(clock.instant())),
                    Updates.inc(VERSION, 1L))));
    return result.getMatchedCount() == 1;
  }

  @Override
  public Optional<Product> addImage(String id, String key, int maxImages) {
    Bson hasRoom = or(eq(IMAGES, key), exists(IMAGES + "." + (maxImages - 1), false));
    return Optional.ofNullable(
            Mongo.one(
                products.findOneAndUpdate(
                    and(eq(ID, id), eq(STATUS, ProductStatus.ACTIVE.name()), hasRoom),
                    Updates.combine(
                        Updates.addToSet(IMAGES, key),
                        Updates.set(UPDATED_AT, Date.from(clock.instant())),
                        Updates.inc(VERSION, 1L)),
                    AFTER)))
        .map(ProductDocuments::toProduct);
  }

  @Override
  public Category insertCategory(NewCategory c) {
    Document doc = new Document(ID, new ObjectId().toHexString()).append(NAME, c.name());
    if (c.parentId() != null) {
      doc.append(PARENT_ID, c.parentId());
    }
    Mongo.one(categories.insertOne(doc));
    return toCategory(doc);
  }

  @Override
  public Optional<Category> category(String id) {
    return Optional.ofNullable(Mongo.one(categories.find(eq(ID, id)).first()))
        .map(MongoCatalog::toCategory);
  }

  @Override
  public List<Category> categories() {
    return Mongo.all(categories.find().sort(Sorts.ascending(NAME, ID))).stream()
        .map(MongoCatalog::toCategory)
        .toList();
  }

  @Override
  public Set<String> missingCategories(Collection<String> ids) {
    Set<String> missing = new HashSet<>(ids);
    Mongo.all(categories.find(in(ID, ids)).projection(Projections.include(ID)))
        .forEach(d -> missing.remove(d.getString(ID)));
    return missing;
  }

  @Override
  public Optional<Category> updateCategory(String id, CategoryChanges c) {
    List<Bson> updates = new ArrayList<>();
    if (c.name() != null) {
      updates.add(Updates.set(NAME, c.name()));
    }
    if (c.movesToTop()) {
      updates.add(Updates.unset(PARENT_ID));
    } else if (c.parentId() != null) {
      updates.add(Updates.set(PARENT_ID, c.parentId()));
    }
    return Optional.ofNullable(
            Mongo.one(
                categories.findOneAndUpdate(
                    eq(ID, id),
                    Updates.combine(updates),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
        .map(MongoCatalog::toCategory);
  }

  @Override
  public boolean categoryInUse(String id) {
    Document product =
        Mongo.one(
            products
                .find(and(eq(CATEGORY_IDS, id), eq(STATUS, ProductStatus.ACTIVE.name())))
                .projection(Projections.include(ID))
                .first());
    return product != null
        || Mongo.one(categories.find(eq(PARENT_ID, id)).projection(Projections.include(ID)).first())
            != null;
  }

  @Override
  public boolean deleteCategory(String id) {
    return Mongo.one(categories.deleteOne(eq(ID, id))).getDeletedCount() == 1;
  }

  private static Category toCategory(Document d) {
    return new Category(d.getString(ID), d.getString(NAME), d.getString(PARENT_ID));
  }
}
