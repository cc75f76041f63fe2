package shop.localstack.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.localstack.LocalCloudWatch;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * What CloudWatch Logs does with a function's EMF lines in the cloud, for the functions of the
 * local shop: each line becomes data points of the local CloudWatch, which the ops API then reads
 * with GetMetricData like any CloudWatch.
 */
final class CloudWatchLogsSink implements ISink {
  private static final Logger LOG = LoggerFactory.getLogger(CloudWatchLogsSink.class);

  private final LocalCloudWatch cloudWatch;

  CloudWatchLogsSink(LocalCloudWatch cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  @Override
  public void accept(MetricsContext context) {
    try {
      context.serialize().forEach(cloudWatch::ingest);
    } catch (JsonProcessingException e) {
      LOG.warn("an EMF line could not be written: {}", e.toString());
    }
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return CompletableFuture.completedFuture(null);
  }
}
