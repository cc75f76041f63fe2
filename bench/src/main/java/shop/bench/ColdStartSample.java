package shop.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One cold start as measured: launch to response in the parent, the child's own split (constructor,
 * priming or -1 when not primed, first invocation), and (in the class-logging run only) how many
 * classes it loaded and how many of them during the invocation.
 */
record ColdStartSample(
    double totalMillis,
    double mainMillis,
    double constructorMillis,
    double primeMillis,
    double invokeMillis,
    String outcome,
    int classes,
    int classesInInvoke,
    String heaviest) {

  /** Reads the child's result line; {@code classLog} is its class-load log, or empty. */
  static ColdStartSample parse(double totalMillis, String line, List<String> classLog) {
    double main = 0;
    double constructed = 0;
    double primed = -1;
    double invoked = 0;
    String outcome = "?";
    for (String field : line.split(" ")) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String value = field.substring(eq + 1);
      switch (field.substring(0, eq)) {
        case "main" -> main = Double.parseDouble(value);
        case "constructed" -> constructed = Double.parseDouble(value);
        case "primed" -> primed = Double.parseDouble(value);
        case "invoked" -> invoked = Double.parseDouble(value);
        case "outcome" -> outcome = value;
        default -> {}
      }
    }
    List<String> loads = classLog.stream().filter(l -> l.contains("[class,load]")).toList();
    int marker = -1;
    for (int i = 0; i < loads.size(); i++) {
      if (loads.get(i).contains(" shop.bench.coldstart.Constructed ")) {
        marker = i;
      }
    }
    int inInvoke = marker < 0 ? 0 : loads.size() - marker - 1;
    return new ColdStartSample(
        totalMillis,
        main,
        constructed,
        primed,
        invoked,
        outcome,
        loads.size(),
        inInvoke,
        heaviest(loads));
  }

  /**
   * The libraries that brought the most classes, by the first two parts of the package name (the
   * JDK's together, the shop's together), most first: where loading time goes.
   */
  static String heaviest(List<String> loads) {
    Map<String, Long> counts =
        loads.stream()
            .map(l -> l.substring(l.indexOf("] ", l.indexOf("[class,load]")) + 2))
            .map(l -> l.substring(0, l.indexOf(' ') < 0 ? l.length() : l.indexOf(' ')))
            .collect(Collectors.groupingBy(ColdStartSample::library, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(5)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String library(String className) {
    if (className.startsWith("java.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.")
        || className.startsWith("com.sun.")) {
      return "JDK";
    }
    if (className.startsWith("shop.")) {
      return "shop";
    }
    String[] parts = className.split("\\.");
    return parts.length > 2 ? parts[0] + "." + parts[1] : className;
  }
}
