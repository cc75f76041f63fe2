package shop.product.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats products may show, recognised by their content type and by their first bytes (a
 * file's name or header proves nothing).
 */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  /** How many leading bytes {@link #detect} needs. */
  static final int SIGNATURE_BYTES = 12;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String contentType;
  private final String extension;

  ImageFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  static Optional<ImageFormat> ofContentType(String contentType) {
    return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
  }

  static Optional<ImageFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }

  /** The format whose signature {@code head} starts with. */
  static Optional<ImageFormat> detect(byte[] head) {
    if (startsWith(head, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (head.length >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (head.length >= 12
        && startsWith(head, new byte[] {'R', 'I', 'F', 'F'})
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
  }
}
