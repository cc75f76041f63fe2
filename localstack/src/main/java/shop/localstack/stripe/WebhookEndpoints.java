package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook endpoints as Stripe's {@code /v1/webhook_endpoints} keeps them: a URL, the event types it
 * wants ({@code *} for all), and a signing secret of its own, answered only on creation.
 */
final class WebhookEndpoints {
  /** An endpoint events go to: where, and the secret that signs them. */
  record Endpoint(String id, URI url, String secret) {}

  private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
  private final Map<String, String> secrets = new LinkedHashMap<>();

  ObjectNode create(Form form) {
    String url = form.get("url");
    if (url == null) {
      throw StripeFailure.missingParam("url");
    }
    List<String> types = form.list("enabled_events");
    if (types.isEmpty()) {
      throw StripeFailure.missingParam("enabled_events");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw StripeFailure.invalid("url_invalid", "Invalid URL: " + url, "url");
    }
    ObjectNode endpoint = StripeJson.object("we", "webhook_endpoint");
    StripeJson.putOrNull(endpoint, "api_version", form.get("api_version"));
    StripeJson.putOrNull(endpoint, "description", form.get("description"));
    ArrayNode enabled = endpoint.putArray("enabled_events");
    types.forEach(enabled::add);
    endpoint.set("metadata", StripeJson.metadata(form.hash("metadata")));
    endpoint.put("status", "enabled");
    endpoint.put("url", url);
    String id = endpoint.get("id").asText();
    byId.put(id, endpoint);
    secrets.put(id, "whsec_" + StripeJson.random(32));
    return endpoint.deepCopy().put("secret", secrets.get(id));
  }

  ObjectNode retrieve(String id) {
    ObjectNode endpoint = byId.get(id);
    if (endpoint == null) {
      throw StripeFailure.notFound("webhook_endpoint", id);
    }
    return endpoint;
  }

  ObjectNode delete(String id) {
    retrieve(id);
    byId.remove(id);
    secrets.remove(id);
    ObjectNode deleted = StripeJson.object();
    deleted.put("id", id);
    deleted.put("object", "webhook_endpoint");
    deleted.put("deleted", true);
    return deleted;
  }

  /** The endpoints enabled for events of {@code type}. */
  List<Endpoint> enabledFor(String type) {
    List<Endpoint> endpoints = new ArrayList<>();
    byId.forEach(
        (id, endpoint) -> {
          for (var enabled : endpoint.get("enabled_events")) {
            if (enabled.asText().equals("*") || enabled.asText().equals(type)) {
              endpoints.add(
                  new Endpoint(id, URI.create(endpoint.get("url").asText()), secrets.get(id)));
              return;
            }
          }
        });
    return endpoints;
  }
}
