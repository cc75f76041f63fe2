package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Stats.median(List.of(900.0, 100.0, 300.0))).isEqualTo(300.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void percentileIsTheNearestRank() {
    List<Double> hundred =
        java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

    assertThat(Stats.percentile(hundred, 50)).isEqualTo(50.0);
    assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
    assertThat(Stats.percentile(hundred, 100)).isEqualTo(100.0);
    assertThat(Stats.percentile(List.of(7.0, 3.0), 99)).isEqualTo(7.0);
  }

  @Test
  void refusesNoSamples() {
    assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
