package shop.product.catalog;

import java.util.regex.Pattern;
import shop.platform.domain.ConflictException;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/**
 * Attaches an uploaded image to its product once the stored object proves to be what was promised:
 * present, within the size limit, and an allowed image by its first bytes, of the type its key
 * says.
 */
public final class AttachImage {
  /** Most images per product. */
  static final int MAX_IMAGES = 10;

  private static final Pattern KEY =
      Pattern.compile("products/[A-Za-z0-9_-]{1,64}/[0-9a-f-]{36}\\.(jpg|png|webp)");

  private final Catalog catalog;
  private final ProductImages images;

  public AttachImage(Catalog catalog, ProductImages images) {
    this.catalog = catalog;
    this.images = images;
  }

  public Product attach(String productId, String key) {
    Fields.id("id", productId);
    if (key == null
        || !key.startsWith(RequestImageUpload.keyPrefix(productId))
        || !KEY.matcher(key).matches()) {
      throw new InvalidFieldException("key", "is not an upload key issued for this product");
    }
    catalog
        .product(productId)
        .filter(Product::isActive)
        .orElseThrow(() -> new ProductNotFound(productId));
    ProductImages.StoredImage stored =
        images
            .inspect(key, ImageFormat.SIGNATURE_BYTES)
            .orElseThrow(() -> new InvalidFieldException("key", "nothing was uploaded there"));
    if (stored.size() > RequestImageUpload.MAX_BYTES) {
      throw new InvalidFieldException("key", "the upload is larger than 5 MiB");
    }
    ImageFormat promised =
        ImageFormat.ofExtension(key.substring(key.lastIndexOf('.') + 1)).orElseThrow();
    if (ImageFormat.detect(stored.head()).filter(promised::equals).isEmpty()) {
      throw new InvalidFieldException("key", "the upload is not a " + promised.contentType());
    }
    return catalog
        .addImage(productId, key, MAX_IMAGES)
        .orElseThrow(
            () -> new ConflictException("the product has " + MAX_IMAGES + " images already"));
  }
}
