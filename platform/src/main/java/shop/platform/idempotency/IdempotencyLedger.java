package shop.platform.idempotency;

/**
 * Remembers which events a consumer has handled, for consumers whose effect is outside any database
 * they could write in the same transaction (email, SMS). A consumer claims an event before its
 * effect, completes it after, and releases it after a failure so a retry can run.
 */
public interface IdempotencyLedger {

  /** Claims {@code eventId} for {@code consumer}. */
  Claim begin(String consumer, String eventId);

  /** Marks the event handled; later claims answer {@link Claim#ALREADY_DONE}. */
  void complete(String consumer, String eventId);

  /** Drops an unfinished claim after a failure so the retry can claim the event again. */
  void release(String consumer, String eventId);

  /** The answer to {@link #begin}. */
  enum Claim {
    /** The caller now owns the event and must complete or release it. */
    STARTED,
    /** The event was handled before: skip it and report success. */
    ALREADY_DONE,
    /**
     * Someone else holds an unexpired claim: fail this message so SQS retries it after the
     * visibility timeout, when the other attempt has finished or its claim has expired.
     */
    IN_PROGRESS
  }
}
