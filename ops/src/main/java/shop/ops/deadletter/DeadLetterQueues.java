package shop.ops.deadletter;

import java.time.Duration;
import java.util.List;

/** The queues as the operator tools need them (port; SQS in production and locally). */
public interface DeadLetterQueues {

  /** The approximate number of messages in {@code queue}, visible or in flight. */
  long count(String queue);

  /**
   * Receives up to 10 messages and hides them for {@code hideFor}; the receive count goes up by
   * one.
   */
  List<DeadLetter> receive(String queue, Duration hideFor);

  /** Makes received messages visible again at once. */
  void release(String queue, List<DeadLetter> letters);

  /** Sends {@code letter}'s body to {@code queue}; throws when it was not accepted. */
  void send(String queue, DeadLetter letter);

  void delete(String queue, DeadLetter letter);

  /**
   * Starts moving every message of {@code deadLetterQueue} back to {@code sourceQueue}, the queue
   * it serves.
   */
  String startMoveBack(String deadLetterQueue, String sourceQueue, int maxPerSecond);

  MoveProgress moveProgress(String deadLetterQueue, String taskHandle);

  /**
   * The state of a move task.
   *
   * @param status RUNNING, COMPLETED, CANCELLED or FAILED
   */
  record MoveProgress(String status, long moved, long toMove, String failureReason) {
    public boolean finished() {
      return !status.equals("RUNNING") && !status.equals("CANCELLING");
    }
  }
}
