package shop.user.payment;

/**
 * What we keep of a card: never the number, only what lets the user recognise it.
 *
 * @param brand e.g. {@code visa}
 * @param last4 the last four digits
 */
public record Card(String brand, String last4, int expMonth, int expYear) {}
