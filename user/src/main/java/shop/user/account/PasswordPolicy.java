package shop.user.account;

import java.util.List;
import shop.platform.domain.InvalidFieldException;

/**
 * What a new password must be: 12 to 128 characters (the upper bound keeps hashing cheap to refuse)
 * and hard to guess by the strength estimate, given the account's own email and name, which an
 * attacker tries first.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private final PasswordStrength strength;

  public PasswordPolicy(PasswordStrength strength) {
    this.strength = strength;
  }

  /**
   * Throws an {@code INVALID} exception on {@code field} (the request's name for the new password)
   * saying why, when the policy says no.
   */
  public void check(String field, String password, String email, String name) {
    if (password == null || password.isEmpty()) {
      throw new InvalidFieldException(field, "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidFieldException(field, "must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidFieldException(field, "must be at most " + MAX_LENGTH + " characters");
    }
    String local = email.substring(0, Math.max(email.indexOf('@'), 0));
    List<String> context = name == null ? List.of(email, local) : List.of(email, local, name);
    strength
        .weakness(password, context)
        .ifPresent(
            why -> {
              throw new InvalidFieldException(field, why);
            });
  }
}
