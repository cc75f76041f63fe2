package shop.platform.http;

/**
 * One invalid input: {@code field} is a JSON path into the body ({@code items[0].quantity}) or a
 * parameter name.
 */
public record FieldError(String field, String message) {}
