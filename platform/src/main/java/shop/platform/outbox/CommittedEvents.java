package shop.platform.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The events a Lambda invocation committed to its outbox, so that its entry point (the HTTP API,
 * the SQS consumer, a scheduled job) relays them the moment the work is done: the fast path. An
 * outbox store notes each event once the write that holds it is durable ({@link #add}); the entry
 * point opens a {@link Scope} on the thread that does the work and relays what it collected.
 * Persistence adapters never relay. Outside a scope nothing is collected, and the sweep sends the
 * events.
 */
public final class CommittedEvents {
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private CommittedEvents() {}

  /**
   * Opens a scope on this thread; close it on the same thread. Scopes nest: an inner scope collects
   * for itself, and closing it makes the outer one current again.
   */
  public static Scope open() {
    Scope scope = new Scope(CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /** Notes committed events in this thread's scope, if one is open. */
  public static void add(Collection<String> eventIds) {
    Scope scope = CURRENT.get();
    if (scope != null) {
      scope.ids.addAll(eventIds);
    }
  }

  /** Notes a committed event in this thread's scope, if one is open. */
  public static void add(String eventId) {
    add(List.of(eventId));
  }

  /** The events committed on this thread while the scope was the current one. */
  public static final class Scope implements AutoCloseable {
    private final Scope outer;
    private final List<String> ids = new ArrayList<>();

    private Scope(Scope outer) {
      this.outer = outer;
    }

    /** The ids collected so far, in commit order. */
    public List<String> ids() {
      return List.copyOf(ids);
    }

    @Override
    public void close() {
      if (outer != null) {
        CURRENT.set(outer);
      } else {
        CURRENT.remove();
      }
    }
  }
}
