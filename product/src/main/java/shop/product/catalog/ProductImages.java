package shop.product.catalog;

import java.time.Duration;
import java.util.Optional;

/** Where product images are stored (port): an object store with presigned uploads. */
public interface ProductImages {

  /**
   * A URL that lets a client PUT exactly one object at {@code key}, with this content type and
   * length (both signed), until {@code validFor} has passed.
   */
  PresignedUpload presignUpload(
      String key, ImageFormat format, long contentLength, Duration validFor);

  /** The size and first {@code headBytes} bytes of the object at {@code key}, if it exists. */
  Optional<StoredImage> inspect(String key, int headBytes);

  /** The URL clients load the image from. */
  String url(String key);

  /** A presigned upload: the URL and when it stops working. */
  record PresignedUpload(String url, java.time.Instant expiresAt) {}

  /** What the store holds at a key: its size and its first bytes. */
  record StoredImage(long size, byte[] head) {}
}
