package shop.user.profile;

import java.util.UUID;
import shop.user.account.Account;
import shop.user.account.Accounts;
import shop.user.shared.DomainException;

/** A user's own account, as they see it. */
public final class ViewProfile {
  private final Accounts accounts;

  public ViewProfile(Accounts accounts) {
    this.accounts = accounts;
  }

  public Account view(UUID userId) {
    return accounts.byId(userId).orElseThrow(() -> DomainException.notFound("user"));
  }
}
