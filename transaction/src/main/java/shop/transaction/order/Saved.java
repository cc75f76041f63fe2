package shop.transaction.order;

/** What became of a {@link Changed} handed to the repository. */
public enum Saved {
  /** Stored, with its events. */
  SAVED,
  /** The order moved on meanwhile: nothing stored; read it again and decide again. */
  CONFLICT,
  /** The message was handled before: nothing stored. */
  ALREADY_HANDLED
}
