package shop.user.address;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Deletes one of the user's addresses. */
public final class RemoveAddress {
  private final Addresses addresses;

  public RemoveAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public void remove(UUID userId, UUID addressId) {
    if (!addresses.delete(userId, addressId)) {
      throw NotFoundException.of("address");
    }
  }
}
