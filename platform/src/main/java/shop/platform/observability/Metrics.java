package shop.platform.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.snapstart.Priming;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.sinks.ConsoleSink;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * CloudWatch metrics in the Embedded Metric Format, written by the official {@code
 * aws-embedded-metrics} library: one JSON line per data point on the function's stdout, which
 * CloudWatch Logs turns into metrics without an API call on the request path. Namespace {@value
 * #NAMESPACE}. Every point is published twice: under its dimensions (a route, a consumer) and under
 * none, so that alarms and the dashboard can read the shop-wide figure without metric math.
 *
 * <p>The lines go to the process's sink: stdout (what Lambda sends to CloudWatch Logs) unless the
 * runtime installed another ({@link #sendTo}), as the local cloud does to collect them.
 */
public final class Metrics {
  public static final String NAMESPACE = "Shop";

  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
  private static volatile ISink processSink = new ConsoleSink();
  private static final Metrics STANDARD = new Metrics();

  // Held here: Priming keeps a primer only as long as its owner does.
  @SuppressWarnings("unused")
  private static final Priming.Primer PRIMER = Priming.register("metrics", Metrics::prime);

  /** null: the process's sink at the time of each emit. */
  private final ISink sink;

  /**
   * Metrics into {@code sink}. Each line is stamped with the time it is written: CloudWatch (and
   * the library) refuse timestamps more than two weeks old, so no test clock goes in.
   */
  public Metrics(ISink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  private Metrics() {
    this.sink = null;
  }

  /** The metrics every handler emits, into the process's sink. */
  public static Metrics standard() {
    return STANDARD;
  }

  /**
   * Where every {@link #standard()} line goes from now on: the runtime's business (the local cloud
   * collects them), never a handler's.
   */
  public static void sendTo(ISink sink) {
    processSink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Before a SnapStart snapshot: one data point as a request's, serialized as the console sink
   * would write it and then dropped, so that no metric of priming reaches CloudWatch.
   */
  private static void prime() {
    new Metrics(new DroppingSink())
        .point(Map.of("route", "priming"))
        .count("Requests", 1)
        .milliseconds("LatencyMs", 1.5)
        .property("traceId", "priming")
        .emit();
  }

  /** Serializes each line as {@code ConsoleSink} does, and writes it nowhere. */
  private static final class DroppingSink implements ISink {
    @Override
    public void accept(MetricsContext context) {
      try {
        context.serialize();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
      return CompletableFuture.completedFuture(null);
    }
  }

  /** One count of {@code name} under {@code dimensions} (low-cardinality values only: no ids). */
  public void count(String name, long value, Map<String, String> dimensions) {
    point(dimensions).count(name, value).emit();
  }

  /** A data point of several metrics sharing {@code dimensions}; nothing is sent before emit. */
  public Point point(Map<String, String> dimensions) {
    return new Point(dimensions);
  }

  /** The metrics of one data point. */
  public final class Point {
    private final MetricsLogger logger;

    private Point(Map<String, String> dimensions) {
      this.logger = new MetricsLogger(new SinkEnvironment(sink == null ? processSink : sink));
      logger.setNamespace(NAMESPACE);
      DimensionSet own = new DimensionSet();
      dimensions.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(d -> own.addDimension(d.getKey(), d.getValue()));
      if (dimensions.isEmpty()) {
        logger.setDimensions(own);
      } else {
        logger.setDimensions(own, new DimensionSet());
      }
    }

    public Point count(String name, double value) {
      logger.putMetric(name, value, Unit.COUNT);
      return this;
    }

    /** A duration; called more than once, the values form one distribution (for percentiles). */
    public Point milliseconds(String name, double value) {
      logger.putMetric(name, value, Unit.MILLISECONDS);
      return this;
    }

    /** A value that is neither a count nor a duration (an amount in minor units, say). */
    public Point value(String name, double value) {
      logger.putMetric(name, value, Unit.NONE);
      return this;
    }

    /** A searchable field of the line that is no dimension (a trace id, say). */
    public Point property(String name, Object value) {
      logger.putProperty(name, value);
      return this;
    }

    /** Writes the line; a metric never fails the request or the batch it describes. */
    public void emit() {
      try {
        logger.flush();
      } catch (RuntimeException e) {
        LOG.warn("metrics could not be written: {}", e.toString());
      }
    }
  }

  /**
   * The library's environment, reduced to a sink: no probing of the host (the default environment
   * asks the EC2 metadata endpoint) and no default dimensions.
   */
  private record SinkEnvironment(ISink sink) implements Environment {
    @Override
    public boolean probe() {
      return true;
    }

    @Override
    public String getName() {
      return "shop";
    }

    @Override
    public String getType() {
      return "AWS::Lambda::Function";
    }

    @Override
    public String getLogGroupName() {
      return "";
    }

    @Override
    public void configureContext(MetricsContext context) {
      // Nothing to add: the dimensions are the point's own.
    }

    @Override
    public ISink getSink() {
      return sink;
    }
  }
}
