package shop.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.platform.observability.Metrics;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * A sink that keeps the EMF lines written to it, as CloudWatch Logs would receive them: the metrics
 * of handler tests, asserted line by line.
 */
public final class CapturedMetrics implements ISink {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** Metrics whose lines this sink keeps. */
  public Metrics metrics() {
    return new Metrics(this);
  }

  @Override
  public void accept(MetricsContext context) {
    try {
      lines.addAll(context.serialize());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return CompletableFuture.completedFuture(null);
  }

  /** Every line so far, as JSON. */
  public List<JsonNode> lines() {
    return lines.stream().map(CapturedMetrics::parse).toList();
  }

  /** The lines that carry metric {@code name}. */
  public List<JsonNode> withMetric(String name) {
    return lines().stream().filter(line -> line.has(name)).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
