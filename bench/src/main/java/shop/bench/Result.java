package shop.bench;

import org.HdrHistogram.Histogram;

/** One scenario's figures: latencies in milliseconds, throughput per second of wall time. */
record Result(
    String name,
    int clients,
    long requests,
    double throughput,
    double p50,
    double p99,
    double p999,
    long errors) {

  static Result of(String name, int clients, Histogram latencies, long errors, long elapsedNanos) {
    long requests = latencies.getTotalCount();
    return new Result(
        name,
        clients,
        requests,
        requests / (elapsedNanos / 1e9),
        millis(latencies, 50),
        millis(latencies, 99),
        millis(latencies, 99.9),
        errors);
  }

  private static double millis(Histogram latencies, double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1e6;
  }
}
