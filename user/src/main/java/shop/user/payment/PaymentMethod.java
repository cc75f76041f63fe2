package shop.user.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved card of one user.
 *
 * @param id the Stripe payment method id ({@code pm_...}): what checkout charges
 */
public record PaymentMethod(
    String id, UUID userId, Card card, boolean isDefault, Instant createdAt) {}
