package shop.ops.audit;

import java.time.Clock;
import java.time.Instant;

/**
 * Records an operator action twice: its intent before anything changes, and its outcome after, or
 * the failure that stopped it. The log is append-only (its table refuses updates and deletes), so
 * the outcome is a second entry, never a change of the first; an intent without an outcome says the
 * action died half way, which an operator must then check by hand.
 */
public final class AuditTrail {
  /** The result of an intent entry. */
  public static final String INTENT = "intent";

  private final AuditLog log;
  private final Clock clock;

  public AuditTrail(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Records that {@code actor} is about to do {@code action}; returns the action to close. */
  public Action begin(String actor, String action, String target, String selection) {
    log.record(new AuditEntry(Instant.now(clock), actor, action, target, selection, 0, INTENT));
    return new Action(actor, action, target, selection);
  }

  /** An action whose intent is recorded: it ends {@link #finished} or {@link #failed}. */
  public final class Action {
    private final String actor;
    private final String action;
    private final String target;
    private final String selection;

    private Action(String actor, String action, String target, String selection) {
      this.actor = actor;
      this.action = action;
      this.target = target;
      this.selection = selection;
    }

    /** Records what the action did: how much, and {@code ok}, {@code partial: ...} or such. */
    public void finished(long count, String result) {
      log.record(
          new AuditEntry(Instant.now(clock), actor, action, target, selection, count, result));
    }

    /** Records that {@code failure} stopped the action; returns it, to be thrown. */
    public RuntimeException failed(RuntimeException failure) {
      finished(0, "failed: " + failure.getClass().getSimpleName());
      return failure;
    }
  }
}
