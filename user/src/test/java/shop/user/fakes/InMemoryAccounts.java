package shop.user.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.account.Registration;

/** Accounts in a map; keeps the registrations it was asked to publish. */
public final class InMemoryAccounts implements Accounts {
  private final Map<UUID, Account> accounts = new ConcurrentHashMap<>();
  public final List<Registration> published = new ArrayList<>();
  public final List<UUID> erased = new ArrayList<>();

  @Override
  public synchronized boolean register(Account account, Registration registration) {
    if (byEmail(account.email()).isPresent()) {
      return false;
    }
    accounts.put(account.id(), account);
    verificationMails.put(account.id(), account.createdAt());
    published.add(registration);
    return true;
  }

  @Override
  public void markEmailVerified(UUID id, Instant at) {
    replace(id, a -> a.emailVerified() ? a : copy(a, a.passwordHash(), a.roles(), at));
  }

  @Override
  public boolean setPasswordHash(UUID id, String newHash) {
    return replace(id, a -> copy(a, newHash, a.roles(), a.emailVerifiedAt()));
  }

  @Override
  public Optional<Account> byId(UUID id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public Optional<Account> byEmail(String email) {
    return accounts.values().stream().filter(a -> a.email().equals(email)).findFirst();
  }

  @Override
  public boolean updateProfile(UUID id, String name, String phone, boolean smsOptIn) {
    return replace(
        id,
        a ->
            new Account(
                a.id(),
                a.email(),
                a.passwordHash(),
                name,
                phone,
                smsOptIn,
                a.roles(),
                a.stripeCustomerId(),
                a.createdAt(),
                a.emailVerifiedAt()));
  }

  @Override
  public String linkStripeCustomer(UUID id, String customerId) {
    Account a = accounts.get(id);
    if (a.stripeCustomerId() == null) {
      accounts.put(id, a.withStripeCustomer(customerId));
    }
    return accounts.get(id).stripeCustomerId();
  }

  @Override
  public boolean replacePasswordHash(UUID id, String currentHash, String newHash) {
    Account a = accounts.get(id);
    if (a == null || !a.passwordHash().equals(currentHash)) {
      return false;
    }
    accounts.put(id, copy(a, newHash, a.roles(), a.emailVerifiedAt()));
    return true;
  }

  @Override
  public boolean grantRole(UUID id, String role) {
    return replace(id, a -> withRoles(a, add(a.roles(), role, true)));
  }

  @Override
  public boolean revokeRole(UUID id, String role) {
    return replace(id, a -> withRoles(a, add(a.roles(), role, false)));
  }

  private boolean replace(UUID id, java.util.function.UnaryOperator<Account> change) {
    return accounts.computeIfPresent(id, (k, a) -> change.apply(a)) != null;
  }

  private static Set<String> add(Set<String> roles, String role, boolean add) {
    Set<String> copy = new HashSet<>(roles);
    if (add) {
      copy.add(role);
    } else {
      copy.remove(role);
    }
    return copy;
  }

  private static Account withRoles(Account a, Set<String> roles) {
    return copy(a, a.passwordHash(), roles, a.emailVerifiedAt());
  }

  private static Account copy(Account a, String hash, Set<String> roles, Instant verifiedAt) {
    return new Account(
        a.id(),
        a.email(),
        hash,
        a.name(),
        a.phone(),
        a.smsOptIn(),
        roles,
        a.stripeCustomerId(),
        a.createdAt(),
        verifiedAt);
  }

  private final Map<UUID, Instant> verificationMails = new ConcurrentHashMap<>();

  @Override
  public synchronized Optional<Instant> claimVerificationMail(
      UUID id, Instant now, Instant notBefore) {
    Instant last = verificationMails.get(id);
    if (last != null && last.isAfter(notBefore)) {
      return Optional.of(last);
    }
    verificationMails.put(id, now);
    return Optional.empty();
  }

  @Override
  public synchronized boolean erase(UUID id, Instant at) {
    if (accounts.remove(id) == null) {
      return false;
    }
    erased.add(id);
    return true;
  }
}
