package shop.product.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The image store in memory: what a test "uploads" is what {@link #inspect} reads back. */
final class InMemoryImages implements ProductImages {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final Map<String, byte[]> objects = new HashMap<>();
  private final Map<String, Long> sizes = new HashMap<>();

  /** An object of {@code size} bytes at {@code key} that starts with {@code head}. */
  void upload(String key, byte[] head, long size) {
    objects.put(key, head);
    sizes.put(key, size);
  }

  @Override
  public PresignedUpload presignUpload(
      String key, ImageFormat format, long contentLength, Duration validFor) {
    return new PresignedUpload(
        "https://images.test/" + key + "?type=" + format.contentType() + "&length=" + contentLength,
        NOW.plus(validFor));
  }

  @Override
  public Optional<StoredImage> inspect(String key, int headBytes) {
    byte[] head = objects.get(key);
    return head == null
        ? Optional.empty()
        : Optional.of(
            new StoredImage(sizes.get(key), Arrays.copyOf(head, Math.min(head.length, headBytes))));
  }

  @Override
  public String url(String key) {
    return "https://images.test/" + key;
  }
}
