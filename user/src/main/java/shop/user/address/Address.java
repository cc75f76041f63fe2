package shop.user.address;

import java.time.Instant;
import java.util.UUID;

/** A saved postal address of one user. */
public record Address(
    UUID id, UUID userId, AddressDetails details, boolean isDefault, Instant createdAt) {}
