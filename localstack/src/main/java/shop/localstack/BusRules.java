package shop.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.event.ruler.Machine;

/**
 * The buses, their rules and the rules' targets, and matching with AWS's own rule engine (one
 * event-ruler {@link Machine} per bus, keyed by rule ARN). Synchronized throughout: the local
 * cloud's traffic is small and correctness beats concurrency here.
 */
final class BusRules {
  static final String DEFAULT_BUS = "default";

  /**
   * A rule's target.
   *
   * @param deadLetterArn the SQS queue for events that cannot be delivered to {@code arn}, or null
   */
  record Target(String id, String arn, String deadLetterArn) {}

  /**
   * An event bus. Nothing here changes a bus after it is created, so it was last modified then.
   *
   * @param description null when none was given
   */
  record Bus(String name, String arn, String description, Instant created) {}

  record Rule(
      String name,
      String bus,
      String arn,
      String pattern,
      String state,
      String description,
      Map<String, Target> targets) {

    boolean enabled() {
      return "ENABLED".equals(state);
    }
  }

  private final Arns arns;
  private final Map<String, Bus> buses = new TreeMap<>();
  private final Map<String, Map<String, Rule>> rulesByBus = new LinkedHashMap<>();
  private final Map<String, Machine> machines = new LinkedHashMap<>();

  BusRules(Arns arns) {
    this.arns = arns;
    buses.put(DEFAULT_BUS, new Bus(DEFAULT_BUS, arns.bus(DEFAULT_BUS), null, Instant.now()));
  }

  synchronized String createBus(String name, String description) {
    if (buses.containsKey(name)) {
      throw AwsError.alreadyExists("Event bus " + name + " already exists.");
    }
    Bus bus = new Bus(name, arns.bus(name), description, Instant.now());
    buses.put(name, bus);
    return bus.arn();
  }

  synchronized Bus bus(String name) {
    requireBus(name);
    return buses.get(name);
  }

  /** The buses whose name starts with {@code namePrefix}, by name. */
  synchronized List<Bus> buses(String namePrefix) {
    return buses.values().stream().filter(b -> b.name().startsWith(namePrefix)).toList();
  }

  synchronized boolean busExists(String name) {
    return buses.containsKey(name);
  }

  synchronized void requireBus(String name) {
    if (!buses.containsKey(name)) {
      throw AwsError.notFound("Event bus " + name + " does not exist.");
    }
  }

  synchronized String putRule(
      String bus, String name, String pattern, String state, String description) {
    requireBus(bus);
    EventPatterns.requireValid(pattern);
    Map<String, Rule> rules = rulesByBus.computeIfAbsent(bus, b -> new TreeMap<>());
    Rule old = rules.get(name);
    Map<String, Target> targets = old == null ? new LinkedHashMap<>() : old.targets();
    Rule rule = new Rule(name, bus, arns.rule(bus, name), pattern, state, description, targets);
    Machine machine = machines.computeIfAbsent(bus, b -> Machine.builder().build());
    if (old != null) {
      forget(machine, old);
    }
    EventPatterns.add(machine, rule.arn(), pattern);
    rules.put(name, rule);
    return rule.arn();
  }

  synchronized Rule rule(String bus, String name) {
    requireBus(bus);
    return Optional.ofNullable(rulesByBus.getOrDefault(bus, Map.of()).get(name))
        .orElseThrow(
            () -> AwsError.notFound("Rule " + name + " does not exist on EventBus " + bus + "."));
  }

  synchronized List<Rule> rules(String bus, String namePrefix) {
    requireBus(bus);
    return rulesByBus.getOrDefault(bus, Map.of()).values().stream()
        .filter(r -> r.name().startsWith(namePrefix))
        .toList();
  }

  synchronized void setState(String bus, String name, String state) {
    Rule rule = rule(bus, name);
    rulesByBus
        .get(bus)
        .put(
            name,
            new Rule(
                name, bus, rule.arn(), rule.pattern(), state, rule.description(), rule.targets()));
  }

  synchronized void deleteRule(String bus, String name, boolean force) {
    requireBus(bus);
    Rule rule = rulesByBus.getOrDefault(bus, Map.of()).get(name);
    if (rule == null) {
      return; // deleting a missing rule succeeds in AWS too
    }
    if (!rule.targets().isEmpty() && !force) {
      throw AwsError.validation("Rule can't be deleted since it has targets.");
    }
    forget(machines.get(bus), rule);
    rulesByBus.get(bus).remove(name);
  }

  private static void forget(Machine machine, Rule rule) {
    try {
      machine.deleteRule(rule.arn(), rule.pattern());
    } catch (IOException e) {
      throw new IllegalStateException("stored pattern of " + rule.arn() + " no longer parses", e);
    }
  }

  synchronized void putTarget(String bus, String ruleName, Target target) {
    rule(bus, ruleName).targets().put(target.id(), target);
  }

  synchronized boolean removeTarget(String bus, String ruleName, String id) {
    return rule(bus, ruleName).targets().remove(id) != null;
  }

  synchronized List<Target> targets(String bus, String ruleName) {
    return List.copyOf(rule(bus, ruleName).targets().values());
  }

  /** The enabled rules of {@code bus} whose pattern matches the event envelope. */
  synchronized List<Rule> matching(String bus, String envelopeJson) {
    Machine machine = machines.get(bus);
    if (machine == null) {
      return List.of();
    }
    List<String> matchedArns;
    try {
      matchedArns = machine.rulesForJSONEvent(envelopeJson);
    } catch (Exception e) {
      throw new IllegalStateException("event-ruler could not read an event envelope", e);
    }
    List<Rule> matched = new ArrayList<>();
    for (Rule rule : rulesByBus.getOrDefault(bus, Map.of()).values()) {
      if (rule.enabled() && matchedArns.contains(rule.arn())) {
        matched.add(rule);
      }
    }
    return matched;
  }
}
