package shop.user.address;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** One of the user's addresses; someone else's is not found. */
public final class ViewAddress {
  private final Addresses addresses;

  public ViewAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public Address view(UUID userId, UUID addressId) {
    return addresses.find(userId, addressId).orElseThrow(() -> NotFoundException.of("address"));
  }
}
