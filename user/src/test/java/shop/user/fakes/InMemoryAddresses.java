package shop.user.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import shop.user.address.Address;
import shop.user.address.AddressDetails;
import shop.user.address.Addresses;

/** Addresses in memory, with the store's rule that a user has at most one default. */
public final class InMemoryAddresses implements Addresses {
  private final List<Address> addresses = new ArrayList<>();

  @Override
  public List<Address> list(UUID userId) {
    return addresses.stream()
        .filter(a -> a.userId().equals(userId))
        .sorted(
            Comparator.comparing((Address a) -> !a.isDefault()).thenComparing(Address::createdAt))
        .toList();
  }

  @Override
  public Optional<Address> find(UUID userId, UUID addressId) {
    return list(userId).stream().filter(a -> a.id().equals(addressId)).findFirst();
  }

  @Override
  public int count(UUID userId) {
    return list(userId).size();
  }

  @Override
  public void add(Address address) {
    if (address.isDefault()) {
      clearDefault(address.userId());
    }
    addresses.add(address);
  }

  @Override
  public boolean replace(UUID userId, UUID addressId, AddressDetails details) {
    return find(userId, addressId)
        .map(
            a -> {
              addresses.set(
                  addresses.indexOf(a),
                  new Address(a.id(), a.userId(), details, a.isDefault(), a.createdAt()));
              return true;
            })
        .orElse(false);
  }

  @Override
  public boolean delete(UUID userId, UUID addressId) {
    return find(userId, addressId).map(addresses::remove).orElse(false);
  }

  @Override
  public boolean makeDefault(UUID userId, UUID addressId) {
    Optional<Address> address = find(userId, addressId);
    address.ifPresent(
        a -> {
          clearDefault(userId);
          addresses.replaceAll(
              b ->
                  b.id().equals(a.id())
                      ? new Address(b.id(), b.userId(), b.details(), true, b.createdAt())
                      : b);
        });
    return address.isPresent();
  }

  private void clearDefault(UUID userId) {
    addresses.replaceAll(
        a ->
            a.userId().equals(userId) && a.isDefault()
                ? new Address(a.id(), a.userId(), a.details(), false, a.createdAt())
                : a);
  }
}
