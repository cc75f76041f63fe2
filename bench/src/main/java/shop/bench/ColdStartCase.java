package shop.bench;

import java.util.List;
import java.util.function.Supplier;

/**
 * One handler to start cold: its class, the service jar it deploys in, and how to build a fresh
 * first event for each run (an SQS message gets a new event id every time, as a first delivery
 * would).
 *
 * @param read a handler whose first event only reads (the 600 ms target rather than 1 s)
 */
record ColdStartCase(
    String service, String handler, String event, boolean read, Supplier<List<String>> eventArgs) {

  String simpleName() {
    return handler.substring(handler.lastIndexOf('.') + 1);
  }

  /** The target of the issue: 600 ms for the read handlers, 1 s for the rest. */
  double targetMillis() {
    return read ? 600 : 1000;
  }
}
