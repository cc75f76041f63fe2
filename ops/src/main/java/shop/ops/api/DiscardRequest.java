package shop.ops.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** The body of a discard: the dead letters to delete for good, by event or message id. */
record DiscardRequest(@NotEmpty @Size(max = 1000) List<String> ids) {
  Set<String> idSet() {
    return Set.copyOf(ids);
  }
}
