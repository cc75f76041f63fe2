package shop.user.address;

import java.util.Optional;
import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Makes one of the user's addresses the default for checkout. */
public final class MakeDefaultAddress {
  private final Addresses addresses;

  public MakeDefaultAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public Address makeDefault(UUID userId, UUID addressId) {
    // One answer for an id that is not the user's and for one removed meanwhile.
    Optional<Address> result =
        addresses.makeDefault(userId, addressId)
            ? addresses.find(userId, addressId)
            : Optional.empty();
    return result.orElseThrow(() -> NotFoundException.of("address"));
  }
}
