package shop.user.address;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Makes one of the user's addresses the default for checkout. */
public final class MakeDefaultAddress {
  private final Addresses addresses;

  public MakeDefaultAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public Address makeDefault(UUID userId, UUID addressId) {
    if (!addresses.makeDefault(userId, addressId)) {
      throw NotFoundException.of("address");
    }
    return addresses.find(userId, addressId).orElseThrow(() -> NotFoundException.of("address"));
  }
}
