package shop.ops.deadletter;

import java.util.List;
import shop.platform.domain.NotFoundException;

/** The operator named a consumer the topology does not have. */
final class UnknownConsumerException extends NotFoundException {
  UnknownConsumerException(String name, List<String> known) {
    super("no consumer named '" + name + "'; the consumers are " + String.join(", ", known));
  }
}
