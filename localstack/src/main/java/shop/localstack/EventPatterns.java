package shop.localstack;

import java.io.IOException;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

/**
 * Event patterns through AWS's own rule engine (event-ruler), so that a pattern the local
 * EventBridge accepts or rejects, and an event it matches, is one AWS would too.
 */
final class EventPatterns {
  private EventPatterns() {}

  /** Throws {@code InvalidEventPatternException}, worded as AWS words it, for a bad pattern. */
  static void requireValid(String pattern) {
    String error = RuleCompiler.check(pattern);
    if (error != null) {
      throw invalid(error);
    }
  }

  /** A machine holding just {@code pattern}, under the rule name {@code name}. */
  static Machine machine(String name, String pattern) {
    Machine machine = Machine.builder().build();
    add(machine, name, pattern);
    return machine;
  }

  static void add(Machine machine, String name, String pattern) {
    requireValid(pattern);
    try {
      machine.addRule(name, pattern);
    } catch (IOException e) {
      throw invalid(e.getMessage());
    }
  }

  /** Whether any rule of {@code machine} matches the event JSON. */
  static boolean matchesAny(Machine machine, String eventJson) {
    try {
      return !machine.rulesForJSONEvent(eventJson).isEmpty();
    } catch (Exception e) {
      throw new IllegalStateException("event-ruler could not read an event", e);
    }
  }

  private static AwsError invalid(String reason) {
    return new AwsError(
        400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
  }
}
