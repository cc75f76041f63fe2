package shop.events;

/**
 * One line of an order as priced at checkout; {@code unitPrice} is in minor units of the order's
 * currency.
 */
public record OrderLine(String productId, String sku, String name, int quantity, long unitPrice) {}
