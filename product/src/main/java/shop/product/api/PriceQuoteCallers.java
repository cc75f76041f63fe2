package shop.product.api;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import shop.platform.config.MissingConfigException;
import shop.platform.http.ProblemException;

/**
 * The IAM roles that may ask for price quotes ({@code PRICE_QUOTE_CALLERS}: role ARNs,
 * comma-separated; none when unset). API Gateway's IAM authorization proves that a request was
 * signed by some principal of the account, not that it is checkout: this names which. A Lambda
 * function signs as a session of its role ({@code arn:aws:sts::<account>:assumed-role/<role
 * name>/<session>}, what API Gateway passes as the caller), so a role matches its sessions by
 * partition, account and name (a session's ARN drops the role's path).
 */
final class PriceQuoteCallers {
  static final String SETTING = "PRICE_QUOTE_CALLERS";

  private static final Pattern ROLE =
      Pattern.compile("^arn:([a-z-]+):iam::(\\d{12}):role/(?:[^\\s,]*/)?([\\w+=,.@-]+)$");
  private static final Pattern SESSION =
      Pattern.compile("^arn:([a-z-]+):sts::(\\d{12}):assumed-role/([\\w+=,.@-]+)/[^\\s]+$");

  private final Set<String> roles;

  private PriceQuoteCallers(Set<String> roles) {
    this.roles = Set.copyOf(roles);
  }

  /** From the setting's value (null or blank: nobody may call). */
  static PriceQuoteCallers of(String setting) {
    if (setting == null || setting.isBlank()) {
      return new PriceQuoteCallers(Set.of());
    }
    return new PriceQuoteCallers(
        Arrays.stream(setting.split(","))
            .map(String::trim)
            .filter(arn -> !arn.isEmpty())
            .map(
                arn -> {
                  Matcher role = ROLE.matcher(arn);
                  if (!role.matches()) {
                    throw new MissingConfigException(
                        SETTING, setting, "a comma-separated list of IAM role ARNs");
                  }
                  return key(role);
                })
            .collect(Collectors.toSet()));
  }

  /** Requires that {@code caller} (the signer's ARN) is one of the roles: 403 otherwise. */
  void require(String caller) {
    Matcher session = SESSION.matcher(caller);
    Matcher role = ROLE.matcher(caller);
    String key = session.matches() ? key(session) : role.matches() ? key(role) : null;
    if (key == null || !roles.contains(key)) {
      throw ProblemException.forbidden("this caller may not ask for price quotes");
    }
  }

  private static String key(Matcher arn) {
    return arn.group(1) + ":" + arn.group(2) + ":" + arn.group(3);
  }
}
