package shop.user.account;

import java.util.List;
import java.util.Optional;

/** Estimates how hard a password is to guess (port). */
public interface PasswordStrength {

  /**
   * Why {@code password} is too easy to guess, in words for its owner; empty when it is strong
   * enough. {@code context} holds what an attacker would try first (the email, the name).
   */
  Optional<String> weakness(String password, List<String> context);
}
