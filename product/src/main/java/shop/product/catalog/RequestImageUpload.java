package shop.product.catalog;

import java.time.Duration;
import java.util.UUID;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/**
 * Hands an admin a presigned PUT for one image of a product: the content type and length are part
 * of the signature, so the client cannot upload something else or something bigger.
 */
public final class RequestImageUpload {
  /** Largest image accepted: 5 MiB. */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  static final Duration VALID_FOR = Duration.ofMinutes(5);

  private final Catalog catalog;
  private final ProductImages images;

  public RequestImageUpload(Catalog catalog, ProductImages images) {
    this.catalog = catalog;
    this.images = images;
  }

  public ImageUpload request(String productId, String contentType, Long contentLength) {
    Fields.id("id", productId);
    ImageFormat format =
        ImageFormat.ofContentType(contentType)
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        "contentType", "must be image/jpeg, image/png or image/webp"));
    if (contentLength == null || contentLength < 1 || contentLength > MAX_BYTES) {
      throw new InvalidFieldException(
          "contentLength", "must be between 1 and " + MAX_BYTES + " bytes");
    }
    catalog
        .product(productId)
        .filter(Product::isActive)
        .orElseThrow(() -> new ProductNotFound(productId));
    String key = keyPrefix(productId) + UUID.randomUUID() + "." + format.extension();
    ProductImages.PresignedUpload upload =
        images.presignUpload(key, format, contentLength, VALID_FOR);
    return new ImageUpload(upload.url(), key, upload.expiresAt());
  }

  static String keyPrefix(String productId) {
    return "products/" + productId + "/";
  }
}
