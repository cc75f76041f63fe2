package shop.ops.deadletter;

import java.util.List;

/** The operator named a consumer the topology does not have. */
public final class UnknownConsumerException extends RuntimeException {
  public UnknownConsumerException(String name, List<String> known) {
    super("no consumer named '" + name + "'; the consumers are " + String.join(", ", known));
  }
}
