package shop.user.address;

import java.util.UUID;
import shop.user.shared.DomainException;

/** Replaces the fields of one of the user's addresses. */
public final class ChangeAddress {
  private final Addresses addresses;

  public ChangeAddress(Addresses addresses) {
    this.addresses = addresses;
  }

  public Address change(UUID userId, UUID addressId, AddressDetails details) {
    if (!addresses.replace(userId, addressId, details)) {
      throw DomainException.notFound("address");
    }
    return addresses.find(userId, addressId).orElseThrow(() -> DomainException.notFound("address"));
  }
}
