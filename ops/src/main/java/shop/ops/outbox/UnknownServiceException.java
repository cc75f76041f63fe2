package shop.ops.outbox;

import java.util.List;
import shop.platform.domain.InvalidFieldException;

/** A service name that names no publishing service. */
public final class UnknownServiceException extends InvalidFieldException {
  UnknownServiceException(String name, List<String> known) {
    super("service", "'" + name + "' publishes no events; one of " + String.join(", ", known));
  }
}
