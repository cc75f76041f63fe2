package shop.user.account;

import shop.platform.domain.ConflictException;

/**
 * Only an account with an active second factor may hold a staff role: every admin route needs a
 * login with a one-time code, so a role on an account without one would be a role nobody can use,
 * or one a stolen password could.
 */
public final class SecondFactorMissing extends ConflictException {
  public SecondFactorMissing() {
    super(
        "the account has no active TOTP; only an account with a second factor can be granted a"
            + " role");
  }
}
