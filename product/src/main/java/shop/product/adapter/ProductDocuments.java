package shop.product.adapter;

import com.mongodb.client.model.Projections;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import shop.product.catalog.Product;
import shop.product.catalog.ProductStatus;

/**
 * The shape of a product document. Stock lives in the product document so that one conditional
 * update changes it atomically: {@code available} is kept equal to {@code onHand - reserved} so a
 * single {@code $gte} guards a hold, and {@code holds} records which orders hold units (state HELD,
 * then RELEASED or SOLD) so that every stock change of an order applies once.
 */
final class ProductDocuments {
  static final String COLLECTION = "products";
  static final String ID = "_id";
  static final String SKU = "sku";
  static final String NAME = "name";
  static final String DESCRIPTION = "description";
  static final String PRICE = "price";
  static final String CURRENCY = "currency";
  static final String CATEGORY_IDS = "categoryIds";
  static final String IMAGES = "images";
  static final String ON_HAND = "onHand";
  static final String RESERVED = "reserved";
  static final String AVAILABLE = "available";
  static final String HOLDS = "holds";
  static final String STATUS = "status";
  static final String VERSION = "version";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";

  /** Fields of a hold, an element of {@code holds}. */
  static final String HOLD_ORDER = "order";

  static final String HOLD_QUANTITY = "quantity";
  static final String HOLD_STATE = "state";
  static final String HOLD_AT = "at";

  /** Reads leave the holds out: they are bookkeeping, not catalog. */
  static final Bson WITHOUT_HOLDS = Projections.exclude(HOLDS);

  private ProductDocuments() {}

  static Product toProduct(Document d) {
    return new Product(
        d.getString(ID),
        d.getString(SKU),
        d.getString(NAME),
        d.getString(DESCRIPTION),
        number(d, PRICE).longValue(),
        d.getString(CURRENCY),
        d.getList(CATEGORY_IDS, String.class, List.of()),
        d.getList(IMAGES, String.class, List.of()),
        number(d, ON_HAND).intValue(),
        number(d, RESERVED).intValue(),
        ProductStatus.valueOf(d.getString(STATUS)),
        number(d, VERSION).longValue());
  }

  static Number number(Document d, String field) {
    Object value = d.get(field);
    if (value instanceof Number n) {
      return n;
    }
    throw new IllegalStateException("product " + d.get(ID) + " has no number " + field);
  }
}
