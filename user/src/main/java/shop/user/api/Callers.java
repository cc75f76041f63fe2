package shop.user.api;

import java.util.UUID;
import shop.platform.http.HttpRequest;
import shop.platform.http.ProblemException;

/** The verified caller's user id as this service's key. */
final class Callers {
  private Callers() {}

  static UUID id(HttpRequest request) {
    String subject = request.caller().userId();
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.unauthorized("the token does not name a user of this shop");
    }
  }
}
