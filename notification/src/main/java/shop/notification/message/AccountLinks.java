package shop.notification.message;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The links of the account mails, on the shop's web app ({@code APP_BASE_URL}): its pages take the
 * token from the query and post it to the API ({@code POST /auth/verify-email}, {@code POST
 * /auth/password-reset/confirm}).
 */
public final class AccountLinks {
  private final String base;

  /** {@code appBaseUrl}: an absolute http(s) URL, e.g. {@code https://shop.example}. */
  public AccountLinks(String appBaseUrl) {
    URI uri;
    try {
      uri = URI.create(appBaseUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("APP_BASE_URL is not a URL: " + appBaseUrl, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "APP_BASE_URL must be an absolute http(s) URL like https://shop.example, not "
              + appBaseUrl);
    }
    this.base = appBaseUrl.replaceAll("/+$", "");
  }

  public String verifyEmail(String token) {
    return base + "/verify-email?token=" + encode(token);
  }

  public String resetPassword(String token) {
    return base + "/reset-password?token=" + encode(token);
  }

  private static String encode(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
