package shop.ops.deadletter;

import java.util.Optional;

/** Why a consumer failed a message, as the platform recorded it when it did (port). */
public interface FailureReasons {
  Optional<String> find(String consumer, DeadLetter letter);
}
