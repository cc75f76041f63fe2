package shop.platform.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON log line per data point, which
 * CloudWatch Logs turns into a metric without an API call on the request path. Namespace {@code
 * Shop}, dimension {@code service}.
 */
public final class Metrics {
  private static final Logger EMF = LoggerFactory.getLogger("shop.metrics");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String service;
  private final Clock clock;

  public Metrics(String service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  /** Counts {@code value} occurrences of {@code name}. */
  public void count(String name, long value) {
    emit(name, value, "Count", Map.of());
  }

  public void milliseconds(String name, long value) {
    emit(name, value, "Milliseconds", Map.of());
  }

  /** One data point with extra dimensions (keep their values low-cardinality: never ids). */
  public void emit(String name, long value, String unit, Map<String, String> dimensions) {
    if (!EMF.isInfoEnabled()) {
      return;
    }
    EMF.info(line(name, value, unit, dimensions).toString());
  }

  ObjectNode line(String name, long value, String unit, Map<String, String> dimensions) {
    ObjectNode root = JSON.objectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", "Shop");
    ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
    dimensionSet.add("service");
    dimensions.keySet().stream().sorted().forEach(dimensionSet::add);
    directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
    root.put("service", service);
    dimensions.forEach(root::put);
    root.put(name, value);
    return root;
  }
}
