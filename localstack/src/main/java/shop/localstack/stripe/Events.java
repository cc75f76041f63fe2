package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as Stripe makes them ({@code evt_...}, a snapshot of the object in {@code data.object}),
 * each sent to every webhook endpoint enabled for its type, and kept with its deliveries for the
 * admin route that lists them.
 */
final class Events {
  /** The API version the events are written in: stripe-java 33's. */
  static final String API_VERSION = "2026-07-29.dahlia";

  private static final int KEPT = 10_000;

  private record Published(ObjectNode event, List<Delivery> deliveries) {}

  private final WebhookEndpoints endpoints;
  private final WebhookSender sender;
  private final Deque<Published> published = new ArrayDeque<>();
  private final Map<String, ObjectNode> byId = new HashMap<>();

  Events(WebhookEndpoints endpoints, WebhookSender sender) {
    this.endpoints = endpoints;
    this.sender = sender;
  }

  /** Records an event about {@code object}, caused by {@code request} (null: by no API call). */
  synchronized void publish(String type, ObjectNode object, StripeRequest request) {
    List<WebhookEndpoints.Endpoint> to = endpoints.enabledFor(type);
    ObjectNode event = StripeJson.object("evt", "event");
    event.put("api_version", API_VERSION);
    event.putObject("data").set("object", object.deepCopy());
    event.put("pending_webhooks", to.size());
    ObjectNode cause = event.putObject("request");
    StripeJson.putOrNull(cause, "id", request == null ? null : request.id());
    StripeJson.putOrNull(
        cause, "idempotency_key", request == null ? null : request.idempotencyKey());
    event.put("type", type);
    String payload = event.toString();
    List<Delivery> deliveries =
        to.stream().map(endpoint -> sender.deliver(payload, endpoint)).toList();
    published.addLast(new Published(event, deliveries));
    byId.put(event.get("id").asText(), event);
    if (published.size() > KEPT) {
      byId.remove(published.removeFirst().event().get("id").asText());
    }
  }

  synchronized ObjectNode retrieve(String id) {
    ObjectNode event = byId.get(id);
    if (event == null) {
      throw StripeFailure.notFound("event", id);
    }
    return event;
  }

  /** Every event, oldest first, each with its deliveries. */
  synchronized ArrayNode list() {
    ArrayNode list = StripeJson.MAPPER.createArrayNode();
    for (Published each : published) {
      ObjectNode entry = list.addObject();
      entry.set("event", each.event());
      ArrayNode deliveries = entry.putArray("deliveries");
      each.deliveries().forEach(delivery -> deliveries.add(delivery.json()));
    }
    return list;
  }
}
