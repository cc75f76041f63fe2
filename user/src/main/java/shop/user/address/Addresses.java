package shop.user.address;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where addresses are kept; every method is scoped to the owning user (port). */
public interface Addresses {

  /** The user's addresses, default first, then oldest first. */
  List<Address> list(UUID userId);

  Optional<Address> find(UUID userId, UUID addressId);

  int count(UUID userId);

  /** Adds an address; when it is the default, the previous default stops being one. */
  void add(Address address);

  boolean replace(UUID userId, UUID addressId, AddressDetails details);

  boolean delete(UUID userId, UUID addressId);

  /** Makes the address the user's only default; false when the user has no such address. */
  boolean makeDefault(UUID userId, UUID addressId);
}
