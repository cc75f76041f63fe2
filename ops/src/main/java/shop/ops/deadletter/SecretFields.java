package shop.ops.deadletter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the one-time secrets some events carry (the {@code token} of the account mails, see
 * docs/EVENTS.md) from what operators are shown. Works on the raw text, so that it also covers a
 * body that does not parse, and a CloudEvent carried as a JSON string inside another (escaped
 * quotes).
 */
final class SecretFields {
  static final String REDACTED = "[redacted]";

  private static final Pattern PLAIN =
      Pattern.compile("(\"token\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern ESCAPED =
      Pattern.compile("(\\\\\"token\\\\\"\\s*:\\s*)\\\\\"(?:[^\"\\\\]|\\\\[^\"])*\\\\\"");

  private SecretFields() {}

  /**
   * {@code text} with the value of every field named {@code token} replaced by {@value #REDACTED}.
   */
  static String redact(String text) {
    if (text == null || !text.contains("token")) {
      return text;
    }
    String plain =
        PLAIN
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + REDACTED + "\""));
    return ESCAPED
        .matcher(plain)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\\\"" + REDACTED + "\\\""));
  }
}
