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
