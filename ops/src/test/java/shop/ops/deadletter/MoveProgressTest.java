package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import shop.ops.deadletter.DeadLetterQueues.MoveProgress;

class MoveProgressTest {

  @Test
  void aMoveTaskIsFinishedOnceItIsNeitherRunningNorCancelling() {
    assertThat(progress("RUNNING").finished()).isFalse();
    assertThat(progress("CANCELLING").finished()).isFalse();
    assertThat(progress("COMPLETED").finished()).isTrue();
    assertThat(progress("CANCELLED").finished()).isTrue();
    assertThat(progress("FAILED").finished()).isTrue();
  }

  private static MoveProgress progress(String status) {
    return new MoveProgress(status, 0, 1, null);
  }
}
