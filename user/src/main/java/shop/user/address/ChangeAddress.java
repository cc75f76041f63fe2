package shop.user.address;

import java.util.Optional;
import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Replaces the fields of one of the user's addresses. */
public final class ChangeAddress {
  private final Addresses addresses;

  public ChangeAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public Address change(UUID userId, UUID addressId, AddressDetails details) {
    // One answer for an id that is not the user's and for one removed meanwhile.
    Optional<Address> result =
        addresses.replace(userId, addressId, details)
            ? addresses.find(userId, addressId)
            : Optional.empty();
    return result.orElseThrow(() -> NotFoundException.of("address"));
  }
}
