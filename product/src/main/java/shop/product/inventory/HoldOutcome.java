package shop.product.inventory;

/** What happened when one line was to be held. */
public sealed interface HoldOutcome {

  /** The order holds the units (now or from an earlier attempt). */
  record Held() implements HoldOutcome {}

  /** The units cannot be held. */
  record Refused(Rejection.Reason reason, int available) implements HoldOutcome {}
}
