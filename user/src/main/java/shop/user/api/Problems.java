package shop.user.api;

import shop.platform.http.ProblemException;
import shop.user.shared.DomainException;

/** How domain refusals look over HTTP. */
final class Problems {
  private Problems() {}

  static ProblemException of(DomainException e) {
    return switch (e.kind()) {
      case INVALID -> ProblemException.invalidField(e.field(), e.getMessage());
      case UNAUTHENTICATED -> ProblemException.unauthorized(e.getMessage());
      case NOT_FOUND -> ProblemException.notFound(e.getMessage());
      case CONFLICT -> ProblemException.conflict(e.getMessage());
      case REJECTED -> ProblemException.unprocessable(e.getMessage());
      case TOO_MANY_ATTEMPTS -> ProblemException.tooManyRequests(e.getMessage(), e.retryAfter());
      case UNAVAILABLE -> ProblemException.unavailable(e.getMessage());
    };
  }

  /** A path id; one that is not a UUID cannot name anything of the caller's, so: not found. */
  static java.util.UUID id(String value, String what) {
    try {
      return java.util.UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(what + " not found");
    }
  }
}
