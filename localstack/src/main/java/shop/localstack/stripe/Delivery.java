package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One event's delivery to one endpoint: each attempt's HTTP status, or why it got none. */
final class Delivery {
  private record Attempt(Instant at, Integer status, String error) {}

  private final WebhookEndpoints.Endpoint endpoint;
  private final List<Attempt> attempts = new ArrayList<>();

  Delivery(WebhookEndpoints.Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  WebhookEndpoints.Endpoint endpoint() {
    return endpoint;
  }

  synchronized void answered(int status) {
    attempts.add(new Attempt(Instant.now(), status, null));
  }

  synchronized void failed(String error) {
    attempts.add(new Attempt(Instant.now(), null, error));
  }

  synchronized ObjectNode json() {
    ObjectNode json = StripeJson.object();
    json.put("endpoint", endpoint.id());
    json.put("url", endpoint.url().toString());
    Attempt last = attempts.isEmpty() ? null : attempts.getLast();
    if (last == null) {
      json.putNull("status");
    } else if (last.status() != null) {
      json.put("status", last.status());
    } else {
      json.put("status", "failed");
    }
    var list = json.putArray("attempts");
    for (Attempt attempt : attempts) {
      ObjectNode each = list.addObject().put("at", attempt.at().toString());
      if (attempt.status() != null) {
        each.put("status", attempt.status());
      } else {
        each.put("error", attempt.error());
      }
    }
    return json;
  }
}
