package shop.user.account;

import java.time.Instant;
import java.util.UUID;

/** A new account came to be: the domain fact behind the UserRegistered integration event. */
public record Registration(
    UUID userId, String email, String name, String phone, Instant registeredAt) {

  public static Registration of(Account account) {
    return new Registration(
        account.id(), account.email(), account.name(), account.phone(), account.createdAt());
  }
}
