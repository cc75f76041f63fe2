package shop.ops.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import shop.ops.deadletter.Selection;

/** The body of a dead-letter replay: what to replay; no criterion means everything. */
record ReplayRequest(
    @Size(max = 1000) List<String> ids,
    String type,
    Instant since,
    Instant until,
    Boolean dryRun,
    @Min(1) @Max(500) Integer rate) {
  static final int DEFAULT_RATE = 50;

  Selection selection() {
    return new Selection(ids == null ? Set.of() : Set.copyOf(ids), type, since, until);
  }

  boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }

  int rateOrDefault() {
    return rate == null ? DEFAULT_RATE : rate;
  }
}
