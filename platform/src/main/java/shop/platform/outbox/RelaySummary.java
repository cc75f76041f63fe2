package shop.platform.outbox;

/**
 * What one relay call did.
 *
 * @param sent rows accepted by the bus and marked SENT
 * @param retried rows that failed and wait for a later attempt
 * @param parked rows that failed for the last time and wait for an operator
 */
public record RelaySummary(int sent, int retried, int parked) {
  public static final RelaySummary NONE = new RelaySummary(0, 0, 0);

  public RelaySummary plus(RelaySummary other) {
    return new RelaySummary(sent + other.sent, retried + other.retried, parked + other.parked);
  }

  /** What a sweep handler answers: {@code {sent, retried, parked}}. */
  public java.util.Map<String, Integer> toMap() {
    return java.util.Map.of("sent", sent, "retried", retried, "parked", parked);
  }

  /** Rows this call handled in any way. */
  public int total() {
    return sent + retried + parked;
  }
}
