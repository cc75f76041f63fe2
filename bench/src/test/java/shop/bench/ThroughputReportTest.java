package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThroughputReportTest {

  @Test
  void comparesTheConsumerWithTheFloorAndItsTarget() {
    QueueDrain.Drained floor = new QueueDrain.Drained(1000, TimeUnit.SECONDS.toNanos(1), 0);
    QueueDrain.Drained consumed = new QueueDrain.Drained(1000, TimeUnit.SECONDS.toNanos(2), 3);

    ThroughputReport.Row row = new ThroughputReport.Row("inventory", 10, 5, floor, consumed, 400);

    assertThat(row.ratio()).isEqualTo(0.5);
    assertThat(row.verdict()).isEqualTo("<70% MISSED; >=400/s met");
    assertThat(ThroughputReport.table(List.of(row)).lines().toList().get(1))
        .startsWith("inventory")
        .contains("1000.0", "500.0", "0.50");
  }
}
