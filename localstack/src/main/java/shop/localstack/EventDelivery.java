package shop.localstack;

import java.util.Set;

/** Sends an event on a bus to the targets of the bus's enabled rules that match it. */
final class EventDelivery {
  private final Arns arns;
  private final BusRules rules;
  private final SqsTargets targets;

  EventDelivery(Arns arns, BusRules rules, SqsTargets targets) {
    this.arns = arns;
    this.rules = rules;
    this.targets = targets;
  }

  /** Delivers to the matching rules, only those in {@code onlyRules} unless it is empty. */
  void deliver(BusEvent event, Set<String> onlyRules) {
    deliver(event, event.envelope(arns.region(), arns.account()).toString(), onlyRules);
  }

  void deliver(BusEvent event, String envelope, Set<String> onlyRules) {
    for (BusRules.Rule rule : rules.matching(event.bus(), envelope)) {
      if (onlyRules.isEmpty() || onlyRules.contains(rule.arn())) {
        for (BusRules.Target target : rule.targets().values()) {
          targets.send(target, rule.arn(), envelope, event.traceHeader());
        }
      }
    }
  }
}
