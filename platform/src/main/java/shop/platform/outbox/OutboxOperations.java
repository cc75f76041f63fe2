package shop.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.http.HttpJson;

/**
 * What an operator may do with a service's outbox, behind the service's own outbox function: list
 * the parked entries, put one or all of them back in line. The ops tooling invokes that function
 * (Lambda Invoke), so it needs no access to the service's database, only the right to invoke it.
 *
 * <p>Requests are JSON: {@code {"action":"list","limit":50}}, {@code {"action":"retry","id":"<event
 * id>"}}, {@code {"action":"retry-all"}}. Answers: {@code {"parked":[{id, eventType, subject,
 * attempts, lastError, createdAt}]}} or {@code {"retried":n}}. A request it cannot read fails the
 * invocation (a Lambda function error) naming what is wrong.
 */
public final class OutboxOperations {
  private static final Logger log = LoggerFactory.getLogger(OutboxOperations.class);

  /** The most entries one list answers: far more than an operator reads, well under 6 MB. */
  static final int MAX_LIST = 500;

  private final OutboxStore store;
  private final ObjectMapper json = HttpJson.mapper();

  public OutboxOperations(OutboxStore store) {
    this.store = store;
  }

  /** Reads one request from {@code in} and writes its answer to {@code out}. */
  public void handle(InputStream in, OutputStream out) {
    try {
      json.writeValue(out, answer(json.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> answer(JsonNode request) {
    String action = request == null ? "" : request.path("action").asText("");
    return switch (action) {
      case "list" -> Map.of("parked", parked(request.path("limit").asInt(MAX_LIST)));
      case "retry" -> {
        String id = request.path("id").asText("");
        if (id.isBlank()) {
          throw new IllegalArgumentException("a retry names the event id");
        }
        boolean retried = store.retry(id);
        log.info(
            "operator retry of parked outbox event {}: {}",
            id,
            retried ? "back in line" : "not parked");
        yield Map.of("retried", retried ? 1 : 0);
      }
      case "retry-all" -> {
        long retried = store.retryAllParked();
        log.info("operator retry of every parked outbox event: {} back in line", retried);
        yield Map.of("retried", retried);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown action '" + action + "': list, retry or retry-all");
    };
  }

  private List<Map<String, Object>> parked(int limit) {
    return store.parked(Math.clamp(limit, 1, MAX_LIST)).stream()
        .map(
            entry -> {
              Map<String, Object> view = new LinkedHashMap<>();
              view.put("id", entry.id());
              view.put("eventType", entry.eventType());
              view.put("subject", entry.subject());
              view.put("attempts", entry.attempts());
              view.put("lastError", entry.lastError());
              view.put("createdAt", entry.createdAt().toString());
              return view;
            })
        .toList();
  }
}
