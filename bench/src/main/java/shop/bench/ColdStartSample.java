package shop.bench;

import java.util.List;

/**
 * One cold start as measured: launch to response in the parent, the child's own split, and (in the
 * class-logging run only) how many classes it loaded and how many of them during the invocation.
 */
record ColdStartSample(
    double totalMillis,
    double mainMillis,
    double constructorMillis,
    double invokeMillis,
    String outcome,
    int classes,
    int classesInInvoke) {

  /** Reads the child's result line; {@code classLog} is its class-load log, or empty. */
  static ColdStartSample parse(double totalMillis, String line, List<String> classLog) {
    double main = 0;
    double constructed = 0;
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
        totalMillis, main, constructed, invoked, outcome, loads.size(), inInvoke);
  }
}
