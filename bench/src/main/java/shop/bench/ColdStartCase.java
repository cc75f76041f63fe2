package shop.bench;

import java.util.List;
import java.util.function.Supplier;

/**
 * One handler to start cold: its class, the service jar it deploys in, and how to build a fresh
 * first event for each run (an SQS message gets a new event id every time, as a first delivery
 * would).
 *
 * @param read a handler whose first event only reads (the 600 ms target rather than 1 s)
 * @param primed whether the runner primes the handler (as SnapStart does before its snapshot)
 *     before the first invocation
 * @param option a start-up option measured against the plain start in the same run: {@code ""}
 *     (none), {@code appcds} (a class-data archive of this function's classes, written by an
 *     untimed start) or {@code c2} (the full tiered compiler rather than C1 only)
 */
record ColdStartCase(
    String service,
    String handler,
    String event,
    boolean read,
    Supplier<List<String>> eventArgs,
    boolean primed,
    String option) {

  ColdStartCase(
      String service,
      String handler,
      String event,
      boolean read,
      Supplier<List<String>> eventArgs) {
    this(service, handler, event, read, eventArgs, false, "");
  }

  /** The same start with the handler's SnapStart priming run before its first invocation. */
  ColdStartCase primedToo() {
    return new ColdStartCase(service, handler, event, read, eventArgs, true, "");
  }

  /** The same start with a start-up option ({@code appcds}, {@code c2}). */
  ColdStartCase with(String option) {
    return new ColdStartCase(service, handler, event, read, eventArgs, false, option);
  }

  String label() {
    return service
        + " "
        + handler.substring(handler.lastIndexOf('.') + 1)
        + (primed ? " +prime" : "")
        + (option.isEmpty() ? "" : " +" + option);
  }

  /**
   * The target of the issue: 600 ms for the read handlers, 1 s for the rest; none for a primed
   * start, which is read for its first invocation (what stays after a SnapStart restore).
   */
  Double targetMillis() {
    if (primed) {
      return null;
    }
    return read ? 600.0 : 1000.0;
  }
}
