package shop.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local CloudWatch metrics: it keeps the data points of the Embedded Metric Format lines it is
 * given ({@link #ingest}), as CloudWatch Logs extracts them in the cloud, and answers {@code
 * GetMetricData} (metric stats only: Sum, Average, SampleCount, Minimum, Maximum and percentiles
 * such as {@code p99}, per period counted from StartTime) and {@code ListMetrics}. It speaks the
 * protocol of the AWS SDK v2's CloudWatch client, Smithy RPC v2 CBOR ({@code POST
 * /service/GraniteServiceVersion20100801/operation/<Operation>}), on the local EventBridge's port,
 * as LocalStack serves every service on one. Points older than {@link #KEPT} are dropped.
 */
public final class LocalCloudWatch {
  /** Where the SDK sends CloudWatch's operations. */
  public static final String PATH = "/service/GraniteServiceVersion20100801/operation/";

  static final Duration KEPT = Duration.ofHours(3);
  private static final Logger LOG = LoggerFactory.getLogger(LocalCloudWatch.class);
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final CBORMapper cbor = new CBORMapper();
  private final ConcurrentLinkedDeque<DataPoint> points = new ConcurrentLinkedDeque<>();

  /** One value of one metric, as EMF gives it. */
  record DataPoint(
      String namespace, String name, Map<String, String> dimensions, Instant time, double value) {}

  /**
   * Keeps the metrics of one EMF line ({@code _aws.CloudWatchMetrics}: each metric under each of
   * its dimension sets, one point per value); a line that is no EMF is ignored, as CloudWatch Logs
   * does.
   */
  public void ingest(String line) {
    JsonNode root;
    try {
      root = json.readTree(line);
    } catch (JsonProcessingException e) {
      return;
    }
    JsonNode aws = root == null ? null : root.path("_aws");
    if (aws == null || !aws.path("CloudWatchMetrics").isArray()) {
      return;
    }
    Instant time = Instant.ofEpochMilli(aws.path("Timestamp").asLong(System.currentTimeMillis()));
    for (JsonNode directive : aws.path("CloudWatchMetrics")) {
      String namespace = directive.path("Namespace").asText("aws-embedded-metrics");
      for (JsonNode set : directive.path("Dimensions")) {
        Map<String, String> dimensions = new TreeMap<>();
        set.forEach(d -> dimensions.put(d.asText(), root.path(d.asText()).asText()));
        for (JsonNode metric : directive.path("Metrics")) {
          String name = metric.path("Name").asText();
          JsonNode values = root.path(name);
          for (JsonNode value : values.isArray() ? values : List.of(values)) {
            if (value.isNumber()) {
              points.add(
                  new DataPoint(namespace, name, Map.copyOf(dimensions), time, value.asDouble()));
            }
          }
        }
      }
    }
    Instant horizon = Instant.now().minus(KEPT);
    while (!points.isEmpty() && points.peekFirst().time().isBefore(horizon)) {
      points.pollFirst();
    }
  }

  /** Serves one SDK request on the path {@link #PATH}. */
  void handle(HttpExchange exchange) {
    try (exchange) {
      int status = 200;
      byte[] body;
      try {
        body = dispatch(exchange);
      } catch (AwsError e) {
        status = e.status();
        body = error(e.type(), e.getMessage());
      } catch (RuntimeException | IOException e) {
        LOG.error("local CloudWatch failed on a request", e);
        status = 500;
        body = error("InternalServiceFault", "Internal error: " + e);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/cbor");
      exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
      exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      LOG.debug("client went away before the reply was written", e);
    }
  }

  private byte[] dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String operation = path.startsWith(PATH) ? path.substring(PATH.length()) : "";
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new AwsError(413, "RequestEntityTooLargeException", "Request is too large.");
    }
    JsonNode input = bytes.length == 0 ? cbor.createObjectNode() : cbor.readTree(bytes);
    return switch (operation) {
      case "GetMetricData" -> getMetricData(input);
      case "ListMetrics" -> listMetrics(input);
      default ->
          throw new AwsError(
              400, "UnknownOperationException", "Not emulated locally: " + operation);
    };
  }

  private byte[] getMetricData(JsonNode input) throws IOException {
    Instant start = time(input, "StartTime");
    Instant end = time(input, "EndTime");
    if (!end.isAfter(start)) {
      throw invalid("The parameter EndTime must be greater than StartTime.");
    }
    boolean ascending = "TimestampAscending".equals(input.path("ScanBy").asText());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator gen = ((CBORFactory) cbor.getFactory()).createGenerator(out)) {
      gen.writeStartObject();
      gen.writeArrayFieldStart("MetricDataResults");
      for (JsonNode query : input.path("MetricDataQueries")) {
        if (!query.path("ReturnData").asBoolean(true)) {
          continue;
        }
        MetricQuery metric = MetricQuery.of(query);
        List<Bucket> buckets = metric.aggregate(points, start, end);
        if (!ascending) {
          buckets = buckets.reversed();
        }
        gen.writeStartObject();
        gen.writeStringField("Id", query.path("Id").asText());
        gen.writeStringField("Label", query.path("Label").asText(metric.name()));
        gen.writeArrayFieldStart("Timestamps");
        for (Bucket bucket : buckets) {
          gen.writeTag(1); // CBOR epoch-seconds time, as Smithy RPC v2 encodes a timestamp
          gen.writeNumber(bucket.start().getEpochSecond());
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("Values");
        for (Bucket bucket : buckets) {
          gen.writeNumber(bucket.value());
        }
        gen.writeEndArray();
        gen.writeStringField("StatusCode", "Complete");
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart("Messages");
      gen.writeEndArray();
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  private byte[] listMetrics(JsonNode input) throws IOException {
    String namespace = input.path("Namespace").asText(null);
    String name = input.path("MetricName").asText(null);
    Set<List<Object>> seen = new LinkedHashSet<>();
    for (DataPoint point : points) {
      if ((namespace == null || namespace.equals(point.namespace()))
          && (name == null || name.equals(point.name()))
          && matchesFilters(point.dimensions(), input.path("Dimensions"))) {
        seen.add(List.of(point.namespace(), point.name(), point.dimensions()));
      }
    }
    var output = cbor.createObjectNode();
    var metrics = output.putArray("Metrics");
    for (List<Object> metric : seen) {
      var entry = metrics.addObject();
      entry.put("Namespace", (String) metric.get(0)).put("MetricName", (String) metric.get(1));
      var dimensions = entry.putArray("Dimensions");
      @SuppressWarnings("unchecked")
      Map<String, String> values = (Map<String, String>) metric.get(2);
      new TreeMap<>(values)
          .forEach((key, value) -> dimensions.addObject().put("Name", key).put("Value", value));
    }
    return cbor.writeValueAsBytes(output);
  }

  private static boolean matchesFilters(Map<String, String> dimensions, JsonNode filters) {
    for (JsonNode filter : filters) {
      String key = filter.path("Name").asText();
      if (!dimensions.containsKey(key)
          || (filter.has("Value") && !filter.path("Value").asText().equals(dimensions.get(key)))) {
        return false;
      }
    }
    return true;
  }

  private static Instant time(JsonNode input, String field) {
    JsonNode value = input.get(field);
    if (value == null || !value.isNumber()) {
      throw invalid("The parameter " + field + " is required.");
    }
    return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
  }

  static AwsError invalid(String message) {
    return new AwsError(400, "InvalidParameterValueException", message);
  }

  private byte[] error(String type, String message) {
    try {
      return cbor.writeValueAsBytes(
          cbor.createObjectNode().put("__type", type).put("message", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One period's statistic. */
  record Bucket(Instant start, double value) {}

  /** A query's {@code MetricStat}: which metric, which period, which statistic. */
  record MetricQuery(
      String namespace, String name, Map<String, String> dimensions, long period, Statistic stat) {

    static MetricQuery of(JsonNode query) {
      JsonNode stat = query.path("MetricStat");
      if (stat.isMissingNode()) {
        throw invalid("Only MetricStat queries are emulated locally, not expressions.");
      }
      JsonNode metric = stat.path("Metric");
      Map<String, String> dimensions = new TreeMap<>();
      metric
          .path("Dimensions")
          .forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
      long period = stat.path("Period").asLong();
      if (period < 1 || (period >= 60 && period % 60 != 0)) {
        throw invalid("The parameter Period must be 1, 5, 10, 30 or a multiple of 60.");
      }
      return new MetricQuery(
          metric.path("Namespace").asText(),
          metric.path("MetricName").asText(),
          Map.copyOf(dimensions),
          period,
          Statistic.of(stat.path("Stat").asText()));
    }

    /** The statistic of each period from {@code start} that has points, oldest first. */
    List<Bucket> aggregate(Iterable<DataPoint> points, Instant start, Instant end) {
      TreeMap<Long, List<Double>> periods = new TreeMap<>();
      for (DataPoint point : points) {
        if (point.namespace().equals(namespace)
            && point.name().equals(name)
            && point.dimensions().equals(dimensions)
            && !point.time().isBefore(start)
            && point.time().isBefore(end)) {
          long index = Duration.between(start, point.time()).toSeconds() / period;
          periods.computeIfAbsent(index, i -> new ArrayList<>()).add(point.value());
        }
      }
      List<Bucket> buckets = new ArrayList<>();
      periods.forEach(
          (index, values) ->
              buckets.add(new Bucket(start.plusSeconds(index * period), stat.of(values))));
      return buckets;
    }
  }

  /** A statistic over one period's values. */
  record Statistic(String name, double percentile) {
    static Statistic of(String name) {
      if (Set.of("Sum", "Average", "SampleCount", "Minimum", "Maximum").contains(name)) {
        return new Statistic(name, -1);
      }
      if (name.matches("p\\d{1,2}(\\.\\d+)?")) {
        return new Statistic(name, Double.parseDouble(name.substring(1)));
      }
      throw invalid("The statistic " + name + " is not emulated locally.");
    }

    double of(List<Double> values) {
      return switch (name) {
        case "Sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
        case "Average" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        case "SampleCount" -> values.size();
        case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        default -> {
          // nearest rank: the smallest value with at least the percentile's share at or below it
          double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          int rank = (int) Math.ceil(percentile / 100 * sorted.length);
          yield sorted[Math.max(0, rank - 1)];
        }
      };
    }
  }
}
