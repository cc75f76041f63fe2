package shop.notification.delivery;

/** The answer of the send ledger to "may I send this now?". */
public enum Claim {
  /** Yes: the caller holds the send until its lease ends. */
  GRANTED,
  /** No: it was sent, or refused for good, already. */
  DONE,
  /** Not now: another consumer holds it and its lease has not ended. */
  HELD
}
