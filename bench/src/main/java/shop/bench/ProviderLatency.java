package shop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What real providers add to the sandbox ({@code ./shop bench cost --provider-latency}): each
 * provider's mapping in the sandbox answers after that provider's p50, set through WireMock's admin
 * API. SES's and SendGrid's are published third-party measurements (espbenchmarks.com, "API latency
 * comparison": SES 72 ms, SendGrid 65 ms, averages); Stripe and Twilio publish no API latency, so
 * theirs are assumptions, stated as such: a Stripe call that confirms a card waits on the card
 * network (300 ms), a Twilio message create (200 ms).
 */
final class ProviderLatency {
  /** Delay in milliseconds by the first word of the sandbox mapping's name. */
  static final Map<String, Integer> P50_MS =
      Map.of("Stripe:", 300, "SES", 72, "SendGrid:", 65, "Twilio:", 200);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProviderLatency() {}

  static String describe() {
    return "provider latency "
        + P50_MS.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey().replace(":", "") + " " + e.getValue() + " ms")
            .collect(Collectors.joining(", "));
  }

  /** Sets every provider mapping of the sandbox at {@code sandbox} to answer after its p50. */
  static void apply(HttpClient http, URI sandbox) {
    JsonNode mappings = JSON.nullNode();
    try {
      mappings =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(sandbox.resolve("/__admin/mappings")).GET().build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      for (JsonNode mapping : mappings.path("mappings")) {
        String name = mapping.path("name").asText();
        Integer delay =
            P50_MS.entrySet().stream()
                .filter(e -> name.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (delay == null) {
          continue;
        }
        ((ObjectNode) mapping.path("response")).put("fixedDelayMilliseconds", delay);
        HttpResponse<String> put =
            http.send(
                HttpRequest.newBuilder(
                        sandbox.resolve("/__admin/mappings/" + mapping.path("id").asText()))
                    .header("content-type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(mapping)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
          throw new IllegalStateException("the sandbox refused a delay: " + put.body());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
