package shop.user.account;

import shop.platform.domain.ConflictException;

/** Only an account whose owner proved they read its address may hold a role beyond customer. */
public final class EmailNotVerified extends ConflictException {
  public EmailNotVerified() {
    super("the account's email is not verified; only a verified account can be granted a role");
  }
}
