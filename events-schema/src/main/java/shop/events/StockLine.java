package shop.events;

/** A quantity of one product, as reserved, released or sold. */
public record StockLine(String productId, int quantity) {}
