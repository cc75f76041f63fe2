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
    List<Consumer> subscribers = consumers.stream().filter(Consumer::redriven).toList();
    return subscribers.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownConsumerException(
                    name, subscribers.stream().map(Consumer::name).toList()));
  }

  public Consumer named(String name) {
    return consumers.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownConsumerException(
                    name, consumers.stream().map(Consumer::name).toList()));
  }
}
