package shop.ops.deadletter;

import java.util.List;

/**
 * What a replay did (or, for a dry run, would do).
 *
 * @param method {@code move-task} (SQS StartMessageMoveTask, for everything) or {@code one-by-one}
 *     (selected messages: send to the source queue, then delete from the DLQ)
 * @param selected the messages that matched, their secrets redacted ({@link
 *     DeadLetter#withSecretsRedacted}); empty for a move task, which does not list them
 * @param moved how many reached the source queue
 * @param failed how many could not be moved and stay in the DLQ
 */
public record ReplayOutcome(
    String consumer,
    Selection selection,
    boolean dryRun,
    String method,
    List<DeadLetter> selected,
    long moved,
    long failed) {

  public ReplayOutcome {
    selected = selected.stream().map(DeadLetter::withSecretsRedacted).toList();
  }

  public boolean complete() {
    return failed == 0;
  }
}
