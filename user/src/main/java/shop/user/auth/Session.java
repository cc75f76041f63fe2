package shop.user.auth;

/**
 * What a successful login or refresh hands the client.
 *
 * @param expiresIn seconds until the access token expires
 */
public record Session(String accessToken, String refreshToken, long expiresIn) {

  // Tokens stay out of logs and exception messages.
  @Override
  public String toString() {
    return "Session[expiresIn=" + expiresIn + "]";
  }
}
