package shop.transaction.order;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import shop.platform.domain.InvalidFieldException;

/**
 * Staff hand a parcel of {@code orderId} to a carrier.
 *
 * @param trackingUrl an https URL where the customer follows it, or null
 * @param lines what the parcel holds; empty for everything not shipped yet
 */
public record ShipOrderCommand(
    String orderId,
    String carrier,
    String trackingNumber,
    String trackingUrl,
    List<ProductQuantity> lines) {

  public ShipOrderCommand {
    require("carrier", carrier, 100);
    require("trackingNumber", trackingNumber, 100);
    if (trackingUrl != null && !isHttps(trackingUrl)) {
      throw new InvalidFieldException("trackingUrl", "must be an https URL of at most 2000 chars");
    }
    lines = lines == null ? List.of() : List.copyOf(lines);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!seen.add(lines.get(i).productId())) {
        throw new InvalidFieldException(
            "lines[" + i + "].productId", "is already in the shipment; raise its quantity");
      }
    }
  }

  static void require(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new InvalidFieldException(field, "is required (1-" + max + " chars)");
    }
  }

  private static boolean isHttps(String url) {
    try {
      URI uri = URI.create(url);
      return url.length() <= 2000 && "https".equals(uri.getScheme()) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
