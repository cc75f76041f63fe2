package shop.user.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import shop.platform.domain.InvalidFieldException;

/**
 * What a new password must be: 12 to 128 characters (the upper bound keeps hashing cheap to refuse)
 * and not one of the commonly used passwords, compared without regard to case.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  private static final String COMMON = "shop/user/account/common-passwords.txt";

  private final Set<String> common;

  public PasswordPolicy(Set<String> common) {
    this.common =
        common.stream()
            .map(p -> p.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The policy with the shipped list of common passwords. */
  public static PasswordPolicy standard() {
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + COMMON);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new PasswordPolicy(
          reader
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .collect(Collectors.toSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws an {@code INVALID} exception on field {@code password} when the policy says no. */
  public void check(String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidFieldException("password", "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidFieldException("password", "must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidFieldException("password", "must be at most " + MAX_LENGTH + " characters");
    }
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      throw new InvalidFieldException("password", "is too common; choose another");
    }
  }
}
