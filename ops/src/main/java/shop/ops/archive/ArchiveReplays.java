package shop.ops.archive;

import java.time.Instant;
import java.util.Optional;

/** Replays of the bus archive (port; EventBridge StartReplay / DescribeReplay). */
public interface ArchiveReplays {

  /**
   * Starts replaying the events archived in {@code [from, to)} into the bus, to every rule or only
   * to {@code rule}.
   */
  void start(String replayName, Instant from, Instant to, Optional<String> rule);

  ReplayProgress progress(String replayName);

  /**
   * The state of a replay.
   *
   * @param state STARTING, RUNNING, CANCELLING, COMPLETED, CANCELLED or FAILED
   * @param lastReplayed the time of the last event replayed so far, or null
   */
  record ReplayProgress(String state, Instant lastReplayed, String reason) {
    public boolean finished() {
      return state.equals("COMPLETED") || state.equals("CANCELLED") || state.equals("FAILED");
    }
  }
}
