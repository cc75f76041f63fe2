package shop.localstack;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The filters of ListArchives and ListReplays: NamePrefix, EventSourceArn and State, of which AWS
 * takes at most one per request, and a State from the resource's enum.
 */
record ListFilters(String namePrefix, Optional<String> eventSourceArn, Optional<String> state) {

  static ListFilters of(JsonInput in, String operation, List<String> states) {
    Optional<String> prefix = in.string("NamePrefix");
    Optional<String> source = in.string("EventSourceArn");
    Optional<String> state = in.string("State");
    if (Stream.of(prefix, source, state).filter(Optional::isPresent).count() > 1) {
      throw AwsError.validation(
          "At most one filter is allowed for "
              + operation
              + ". Use either : State, EventSourceArn, or NamePrefix.");
    }
    state
        .filter(s -> !states.contains(s))
        .ifPresent(
            s -> {
              throw AwsError.validation(
                  "1 validation error detected: Value '"
                      + s
                      + "' at 'state' failed to satisfy constraint: Member must satisfy enum value"
                      + " set: ["
                      + String.join(", ", states)
                      + "]");
            });
    return new ListFilters(prefix.orElse(""), source, state);
  }

  boolean accepts(String sourceArn, String resourceState) {
    return eventSourceArn.map(sourceArn::equals).orElse(true)
        && state.map(resourceState::equals).orElse(true);
  }
}
