package shop.product.catalog;

import java.time.Instant;

/** Where and until when an admin may upload one image of a product. */
public record ImageUpload(String uploadUrl, String key, Instant expiresAt) {}
