package shop.ops.deadletter;

import java.util.List;

/** The consumers of the bus, by name; an unknown name is a usage error. */
public final class Consumers {
  private final List<Consumer> consumers;

  public Consumers(List<Consumer> consumers) {
    this.consumers = List.copyOf(consumers);
  }

  public List<Consumer> all() {
    return consumers;
  }

  /**
   * A consumer with a rule of its own, by name: not a rule target's dead-letter queue ({@code
   * <consumer>-undeliverable}), which shares its consumer's rule. What an archive replay targets.
   */
  public Consumer subscriber(String name) {
    return find(name, consumers.stream().filter(Consumer::redriven).toList());
  }

  public Consumer named(String name) {
    return find(name, consumers);
  }

  private static Consumer find(String name, List<Consumer> among) {
    return among.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new UnknownConsumerException(name, among.stream().map(Consumer::name).toList()));
  }
}
