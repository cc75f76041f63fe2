package shop.user.address;

import java.util.UUID;
import shop.platform.domain.NotFoundException;

/** Replaces the fields of one of the user's addresses. */
public final class ChangeAddress {
  private final Addresses addresses;

  public ChangeAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public Address change(UUID userId, UUID addressId, AddressDetails details) {
    if (!addresses.replace(userId, addressId, details)) {
      throw NotFoundException.of("address");
    }
    return addresses.find(userId, addressId).orElseThrow(() -> NotFoundException.of("address"));
  }
}
