package shop.localstack;

/** ARNs of the local EventBridge's resources, in AWS's formats. */
record Arns(String region, String account) {

  String bus(String name) {
    return prefix() + "event-bus/" + name;
  }

  String rule(String bus, String name) {
    return BusRules.DEFAULT_BUS.equals(bus)
        ? prefix() + "rule/" + name
        : prefix() + "rule/" + bus + "/" + name;
  }

  String archive(String name) {
    return prefix() + "archive/" + name;
  }

  String replay(String name) {
    return prefix() + "replay/" + name;
  }

  String queue(String name) {
    return "arn:aws:sqs:" + region + ":" + account + ":" + name;
  }

  /** The bus name of a bus name or bus ARN, {@code default} when absent. */
  static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      return BusRules.DEFAULT_BUS;
    }
    int slash = nameOrArn.lastIndexOf("event-bus/");
    return nameOrArn.startsWith("arn:") && slash >= 0
        ? nameOrArn.substring(slash + "event-bus/".length())
        : nameOrArn;
  }

  private String prefix() {
    return "arn:aws:events:" + region + ":" + account + ":";
  }
}
