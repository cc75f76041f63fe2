package shop.notification.delivery;

/** What the contact book knows of a customer's contact now. */
public sealed interface LatestContact {
  /** Nothing kept: the customer has not changed their contact since this service began keeping. */
  record Unknown() implements LatestContact {}

  /** The contact the customer changed to last. */
  record Known(Contact contact) implements LatestContact {}

  /** The account was erased: nobody is to be told anything about it any more. */
  record Erased() implements LatestContact {}
}
