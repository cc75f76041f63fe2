package shop.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in EventBridge endpoint speaking AWS JSON 1.1 ({@code AWSEvents.PutEvents}) for a real
 * {@code EventBridgeClient}. It accepts every entry unless told to fail some entries by CloudEvent
 * id, or every request with an HTTP status; it keeps the entries it accepted.
 */
public final class FakeEventBridge implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Set<String> failingIds = Set.of();
  private volatile int failingStatus;

  /** One entry the bus accepted; {@code eventId} is the CloudEvent id inside the detail. */
  public record Accepted(
      String eventId,
      String busName,
      String source,
      String detailType,
      String detail,
      String traceHeader) {}

  private FakeEventBridge(HttpServer server) {
    this.server = server;
  }

  public static FakeEventBridge start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeEventBridge fake = new FakeEventBridge(server);
      server.createContext("/", fake::serve);
      server.setExecutor(fake.executor);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("fake EventBridge did not start", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /** Answers entries whose CloudEvent id is in {@code eventIds} with an entry error. */
  public void failEntries(Set<String> eventIds) {
    failingIds = Set.copyOf(eventIds);
  }

  /** Answers every request with {@code status} and an error body. */
  public void failRequests(int status) {
    failingStatus = status;
  }

  /** Back to accepting everything; keeps what was accepted. */
  public void recover() {
    failingIds = Set.of();
    failingStatus = 0;
  }

  /** Recovers and forgets everything. */
  public void reset() {
    recover();
    accepted.clear();
    requests.set(0);
  }

  public List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  public List<String> acceptedIds() {
    return accepted.stream().map(Accepted::eventId).toList();
  }

  public int requests() {
    return requests.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"AWSEvents.PutEvents".equals(target)) {
        respond(exchange, 400, error("UnknownOperationException", "not supported: " + target));
        return;
      }
      if (failingStatus != 0) {
        respond(exchange, failingStatus, error("InternalException", "the bus is down"));
        return;
      }
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      respond(exchange, 200, putEvents(request));
    }
  }

  private ObjectNode putEvents(JsonNode request) throws IOException {
    ObjectNode response = JSON.createObjectNode();
    ArrayNode entries = response.putArray("Entries");
    int failed = 0;
    for (JsonNode entry : request.path("Entries")) {
      String detail = entry.path("Detail").asText();
      String eventId = JSON.readTree(detail).path("id").asText();
      ObjectNode result = entries.addObject();
      if (failingIds.contains(eventId)) {
        failed++;
        result.put("ErrorCode", "ThrottlingException");
        result.put("ErrorMessage", "Rate exceeded for " + eventId);
      } else {
        accepted.add(
            new Accepted(
                eventId,
                entry.path("EventBusName").asText(),
                entry.path("Source").asText(),
                entry.path("DetailType").asText(),
                detail,
                entry.path("TraceHeader").isTextual() ? entry.get("TraceHeader").asText() : null));
        result.put("EventId", UUID.randomUUID().toString());
      }
    }
    response.put("FailedEntryCount", failed);
    return response;
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("__type", type);
    body.put("message", message);
    return body;
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
