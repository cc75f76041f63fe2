package shop.user.address;

import java.util.List;
import java.util.UUID;

/** The user's saved addresses. */
public final class ListAddresses {
  private final Addresses addresses;

  public ListAddresses(Addresses addresses) {
    this.addresses = addresses;
  }

  public List<Address> list(UUID userId) {
    return addresses.list(userId);
  }
}
