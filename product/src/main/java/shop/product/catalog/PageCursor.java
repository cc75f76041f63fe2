package shop.product.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import shop.platform.domain.Fields;
import shop.platform.domain.InvalidFieldException;

/**
 * The opaque cursor of the product list: the last id of a page, base64url-encoded with a version
 * prefix so that its form can change without clients noticing.
 */
final class PageCursor {
  private static final String PREFIX = "p1:";

  private PageCursor() {}

  static String encode(String lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /** The last id the cursor names; {@link InvalidFieldException} on anything we did not issue. */
  static String decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!text.startsWith(PREFIX)) {
      throw invalid();
    }
    try {
      return Fields.id("cursor", text.substring(PREFIX.length()));
    } catch (InvalidFieldException e) {
      throw invalid();
    }
  }

  private static InvalidFieldException invalid() {
    return new InvalidFieldException("cursor", "is not a cursor this API issued");
  }
}
