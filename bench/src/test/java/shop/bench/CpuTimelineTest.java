package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.localstack.runtime.Invocations.Invocation;

class CpuTimelineTest {
  private static final long MS = 1_000_000;

  private static Invocation running(String name, long fromMs, long toMs) {
    return new Invocation(name, "sqs", fromMs * MS, (toMs - fromMs) * MS, 0, 1);
  }

  /** Samples every 10 ms, the process spending {@code cpuMsPerInterval} in each. */
  private static List<long[]> timeline(long toMs, double cpuMsPerInterval) {
    List<long[]> samples = new java.util.ArrayList<>();
    for (long at = 0; at <= toMs; at += 10) {
      samples.add(new long[] {at * MS, (long) (at / 10 * cpuMsPerInterval * MS)});
    }
    return samples;
  }

  @Test
  void anInvocationAloneTakesTheCpuOfItsTimeAndNoMore() {
    Invocation alone = running("inventory", 10, 35);

    // 8 ms in each interval from 10 to 40, nothing while idle
    List<long[]> samples = new java.util.ArrayList<>();
    long[] cumulative = {0, 0, 8, 16, 24, 24, 24};
    for (int i = 0; i < cumulative.length; i++) {
      samples.add(new long[] {i * 10 * MS, cumulative[i] * MS});
    }

    var cpu = CpuTimeline.share(samples, List.of(alone));

    // 2.5 intervals of 8 ms each
    assertThat(cpu.get(alone)).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void invocationsRunningTogetherShareTheCpuByTheirOverlap() {
    Invocation mails = running("notifications", 0, 20);
    Invocation stock = running("inventory", 0, 10);

    var cpu = CpuTimeline.share(timeline(20, 6), List.of(mails, stock));

    // the first interval split in two, the second all the mails'
    assertThat(cpu.get(stock)).isCloseTo(3.0, within(1e-9));
    assertThat(cpu.get(mails)).isCloseTo(9.0, within(1e-9));
  }

  @Test
  void whatTheLocalCloudBurnsWhileIdleIsNoInvocations() {
    Invocation alone = running("inventory", 20, 40);

    // 8 ms every 10 ms, of which the idle stretches (0-20, 40-60) show 8 ms to be the idle rate
    assertThat(CpuTimeline.share(timeline(60, 8), List.of(alone)).get(alone))
        .isCloseTo(0.0, within(1e-9));

    List<long[]> busier = timeline(60, 2);
    for (int i = 3; i < busier.size(); i++) {
      busier.get(i)[1] += 10 * MS; // 10 ms more in 20-30, on top of the idle 2 ms each interval
    }
    assertThat(CpuTimeline.share(busier, List.of(alone)).get(alone)).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void anInvocationOutsideTheSamplesTakesNothing() {
    Invocation late = running("trail", 100, 120);

    assertThat(CpuTimeline.share(timeline(50, 5), List.of(late)).get(late)).isZero();
  }
}
