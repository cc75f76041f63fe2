package shop.platform.config;

import java.util.regex.Pattern;

/**
 * What a secret setting must look like before a function uses it: a placeholder or a value pasted
 * into the wrong field (a publishable key for a secret key, anything at all for a webhook secret)
 * stops the function with a message naming the setting, never showing the value.
 */
public record SecretShape(Pattern pattern, String description) {
  /** A Stripe secret or restricted API key; a publishable key ({@code pk_}) cannot move money. */
  public static final SecretShape STRIPE_API_KEY =
      new SecretShape(
          Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9_]+"),
          "a Stripe secret or restricted key (sk_test_..., sk_live_..., rk_test_..., rk_live_...)");

  /** A Stripe webhook endpoint's signing secret. */
  public static final SecretShape STRIPE_WEBHOOK_SECRET =
      new SecretShape(
          Pattern.compile("whsec_[A-Za-z0-9_+/=]+"), "a Stripe webhook signing secret (whsec_...)");

  /**
   * {@code value} when it has this shape; otherwise a {@link MissingConfigException} naming {@code
   * name} and where its value came from ({@code setting}), not the value.
   */
  public String check(String name, String setting, String value) {
    if (value == null || !pattern.matcher(value).matches()) {
      String source = setting.startsWith(SecretCache.PREFIX) ? setting : "<the value given>";
      throw new MissingConfigException(name, source, description);
    }
    return value;
  }
}
