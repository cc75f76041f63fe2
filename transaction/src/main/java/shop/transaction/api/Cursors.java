package shop.transaction.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import shop.platform.http.HttpRequest;
import shop.platform.http.ProblemException;
import shop.transaction.order.PageCursor;

/** Keyset cursors as opaque URL-safe strings. */
final class Cursors {
  private Cursors() {}

  static String encode(PageCursor cursor) {
    if (cursor == null) {
      return null;
    }
    String raw = cursor.createdAt() + "|" + cursor.orderId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code cursor} query parameter; null for the first page, 400 when it is not ours. */
  static PageCursor from(HttpRequest request) {
    String cursor = request.query("cursor").orElse(null);
    if (cursor == null) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 1 || bar == raw.length() - 1) {
        throw ProblemException.invalidField("cursor", "is not a cursor this API gave out");
      }
      return new PageCursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ProblemException.invalidField("cursor", "is not a cursor this API gave out");
    }
  }
}
