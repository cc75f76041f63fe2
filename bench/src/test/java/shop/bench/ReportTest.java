package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void readsPercentilesInMillisecondsAndThroughputPerSecond() {
    Result result = Result.of("GET /x", 4, latencies(1, 2, 3, 4), 1, TimeUnit.SECONDS.toNanos(2));

    assertThat(result.requests()).isEqualTo(4);
    assertThat(result.throughput()).isEqualTo(2.0);
    assertThat(result.p50()).isBetween(1.99, 2.01);
    assertThat(result.p99()).isBetween(3.99, 4.01);
    assertThat(result.errors()).isEqualTo(1);
  }

  @Test
  void printsEachScenarioAgainstTheFloor() {
    Result floor = new Result("floor", 32, 1000, 1000.0, 1.0, 2.0, 3.0, 0);
    Result slower = new Result("GET /products", 32, 250, 250.0, 4.0, 10.0, 12.0, 2);

    String table = Report.table(floor, List.of(floor, slower));

    assertThat(table.lines()).hasSize(3);
    assertThat(table.lines().toList().get(2))
        .startsWith("GET /products")
        .contains("250.0", "4.00", "10.00", "0.250", "5.0");
  }

  private static Histogram latencies(long... millis) {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    for (long ms : millis) {
      histogram.recordValue(TimeUnit.MILLISECONDS.toNanos(ms));
    }
    return histogram;
  }
}
