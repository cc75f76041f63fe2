package shop.events;

/**
 * Who to tell about an order, carried in order events so that notification never calls back to
 * user.
 *
 * @param phone E.164 number, or null when the customer gave none
 * @param smsOptIn whether the customer agreed to receive SMS
 */
public record Customer(String email, String name, String phone, boolean smsOptIn) {}
