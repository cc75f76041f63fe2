package shop.localstack.drills;

import java.time.Duration;

/** A drill's sizes: the short form by default, the long form from system properties. */
final class Drill {
  private Drill() {}

  static int size(String property, int shortForm) {
    return Integer.getInteger(property, shortForm);
  }

  static Duration duration(String property, Duration shortForm) {
    String value = System.getProperty(property);
    return value == null ? shortForm : Duration.parse(value);
  }

  /** One line for the drill's report (surefire keeps it in the test's output file). */
  static void report(String drill, String format, Object... args) {
    System.out.printf("DRILL %s: %s%n", drill, String.format(format, args));
  }
}
