package shop.user.profile;

import java.util.UUID;
import shop.platform.domain.NotFoundException;
import shop.user.account.Account;
import shop.user.account.Accounts;

/** A user's own account, as they see it. */
public final class ViewProfile {
  private final Accounts accounts;

  public ViewProfile(Accounts accounts) {
    this.accounts = accounts;
  }

  public Account view(UUID userId) {
    return accounts.byId(userId).orElseThrow(() -> NotFoundException.of("user"));
  }
}
