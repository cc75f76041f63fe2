package shop.user.adapter;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import shop.user.account.PasswordStrength;

/**
 * zxcvbn's estimate (the Java port): it finds dictionary words, names, keyboard patterns, dates,
 * repeats and l33t substitutions, and scores the guesses they take from 0 to 4. A score of at least
 * {@value #MIN_SCORE} (about 10^8 guesses, safely unguessable online) is strong enough; below it
 * the answer is zxcvbn's own warning and suggestions.
 */
public final class ZxcvbnStrength implements PasswordStrength {
  public static final int MIN_SCORE = 3;

  private final Zxcvbn zxcvbn = new Zxcvbn();

  @Override
  public Optional<String> weakness(String password, List<String> context) {
    Strength strength = zxcvbn.measure(password, context);
    if (strength.getScore() >= MIN_SCORE) {
      return Optional.empty();
    }
    Feedback feedback = strength.getFeedback();
    List<String> words = new ArrayList<>();
    String warning = feedback.getWarning(Locale.ENGLISH);
    if (warning != null && !warning.isBlank()) {
      words.add(warning);
    }
    words.addAll(feedback.getSuggestions(Locale.ENGLISH));
    return Optional.of(
        words.isEmpty()
            ? "is too easy to guess; add another word or two"
            : "is too easy to guess: " + String.join(" ", words));
  }
}
