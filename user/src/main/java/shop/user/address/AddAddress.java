package shop.user.address;

import java.time.Clock;
import java.util.UUID;
import shop.platform.domain.ConflictException;

/** Saves a new address; the first one becomes the default. */
public final class AddAddress {
  public static final int MAX_ADDRESSES = 20;

  private final Addresses addresses;
  private final Clock clock;

  public AddAddress(Addresses addresses, Clock clock) {
    this.addresses = addresses;
    this.clock = clock;
  }

  public Address add(UUID userId, AddressDetails details) {
    int count = addresses.count(userId);
    if (count >= MAX_ADDRESSES) {
      throw new ConflictException("at most " + MAX_ADDRESSES + " addresses can be saved");
    }
    Address address = new Address(UUID.randomUUID(), userId, details, count == 0, clock.instant());
    addresses.add(address);
    return address;
  }
}
