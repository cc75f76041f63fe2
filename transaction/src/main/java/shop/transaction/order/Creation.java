package shop.transaction.order;

import java.time.Instant;

/** What became of a new order the repository was asked to store. */
public sealed interface Creation {
  /** Stored with its request. */
  record Created() implements Creation {}

  /** Nothing stored: the request's key is already taken (a concurrent twin won). */
  record KeyTaken() implements Creation {}

  /**
   * Nothing stored: the customer holds the most unpaid orders allowed, the oldest placed at {@code
   * oldestPlacedAt}.
   */
  record TooManyOpen(Instant oldestPlacedAt) implements Creation {}
}
