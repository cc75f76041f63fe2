package shop.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local EventBridge: a JDK HTTP server speaking the AWS JSON 1.1 protocol ({@code X-Amz-Target:
 * AWSEvents.<Operation>}) for the operations the shop, its operators and AWS tooling use:
 * PutEvents, TestEventPattern, event buses, rules, targets, archives and replays. Rules match with
 * AWS's own engine (event-ruler); SQS targets get the EventBridge envelope as the message body.
 * Every accepted event is archived in each archive of its bus. Signatures are not checked.
 *
 * <p>{@link #pause()} simulates an outage for reliability drills: PutEvents then answers 503 {@code
 * ServiceUnavailable} until {@link #resume()}.
 */
public final class LocalEventBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEventBridge.class);
  private static final String TARGET_PREFIX = "AWSEvents.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService requests;
  private final Executor replayer;
  private final ExecutorService deliveries;
  private final SqsClient sqs;
  private final EventBridgeOperations operations;
  private final LocalCloudWatch cloudWatch = new LocalCloudWatch();
  private volatile boolean paused;

  private LocalEventBridge(HttpServer server, SqsClient sqs, Arns arns, Executor replayer) {
    this.server = server;
    this.sqs = sqs;
    this.requests = Executors.newFixedThreadPool(8, daemonThreads("local-eventbridge"));
    this.replayer = replayer;
    this.deliveries = Executors.newFixedThreadPool(8, daemonThreads("local-eventbridge-delivery"));
    this.operations =
        new EventBridgeOperations(json, arns, new SqsTargets(sqs, deliveries), replayer);
    server.setExecutor(requests);
    server.createContext("/", this::handle);
    server.createContext(LocalCloudWatch.PATH, cloudWatch::handle);
  }

  /**
   * Starts the endpoint on {@code host:port}; it delivers to SQS with {@code sqs} (which it closes
   * on {@link #close()}).
   */
  public static LocalEventBridge start(
      String host, int port, String region, String account, SqsClient sqs) throws IOException {
    return start(
        host,
        port,
        region,
        account,
        sqs,
        Executors.newSingleThreadExecutor(daemonThreads("local-eventbridge-replay")));
  }

  /**
   * As {@link #start(String, int, String, String, SqsClient)}, with replays run on {@code
   * replayer}: a test's executor can hold a replay in STARTING for as long as the test needs.
   */
  static LocalEventBridge start(
      String host, int port, String region, String account, SqsClient sqs, Executor replayer)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      sqs.close();
      throw e;
    }
    LocalEventBridge bridge =
        new LocalEventBridge(server, sqs, new Arns(region, account), replayer);
    server.start();
    return bridge;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The local CloudWatch metrics, served on this endpoint's port. */
  public LocalCloudWatch cloudWatch() {
    return cloudWatch;
  }

  /** Simulates an outage: PutEvents answers 503 ServiceUnavailable until {@link #resume()}. */
  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
  }

  public boolean paused() {
    return paused;
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      Reply reply = reply(exchange);
      byte[] body = reply.body().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      LOG.debug("client went away before the reply was written", e);
    }
  }

  private record Reply(int status, ObjectNode body) {}

  private Reply reply(HttpExchange exchange) {
    try {
      return new Reply(200, dispatch(exchange));
    } catch (AwsError e) {
      return error(e.status(), e.type(), e.getMessage());
    } catch (RuntimeException | IOException e) {
      LOG.error("local EventBridge failed on a request", e);
      return error(500, "InternalException", "Internal error: " + e);
    }
  }

  private ObjectNode dispatch(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw new AwsError(
          400, "UnknownOperationException", "Only POST requests are accepted by this endpoint.");
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw new AwsError(
          400, "UnknownOperationException", "Missing or unknown X-Amz-Target: " + target);
    }
    String operation = target.substring(TARGET_PREFIX.length());
    JsonNode body = readBody(exchange.getRequestBody());
    if (paused && operation.equals("PutEvents")) {
      throw new AwsError(
          503, "ServiceUnavailable", "The local EventBridge is paused (simulated outage).");
    }
    return operations.run(operation, new JsonInput(body));
  }

  private JsonNode readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new AwsError(413, "RequestEntityTooLargeException", "Request is too large.");
    }
    if (bytes.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode body = json.readTree(bytes);
      if (body == null || !body.isObject()) {
        throw serialization("the request body is not a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw serialization("the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static AwsError serialization(String message) {
    return new AwsError(400, "SerializationException", message);
  }

  private Reply error(int status, String type, String message) {
    return new Reply(status, json.createObjectNode().put("__type", type).put("message", message));
  }

  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
    // a test's own replayer (a plain Executor) is the test's to stop
    if (replayer instanceof ExecutorService replays) {
      replays.shutdownNow();
    }
    // Accepted events still on their way to a queue are delivered before the SQS client closes.
    deliveries.shutdown();
    try {
      requests.awaitTermination(5, TimeUnit.SECONDS);
      if (replayer instanceof ExecutorService replays) {
        replays.awaitTermination(5, TimeUnit.SECONDS);
      }
      if (!deliveries.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("{} event deliveries were dropped on stop", deliveries.shutdownNow().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while the local EventBridge was stopping", e);
    } finally {
      sqs.close();
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
