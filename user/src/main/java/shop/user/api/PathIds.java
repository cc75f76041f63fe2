package shop.user.api;

import java.util.UUID;
import shop.platform.http.ProblemException;

/** The ids in this service's paths, which are UUIDs. */
final class PathIds {
  private PathIds() {}

  /** A path id; one that is not a UUID cannot name anything of the caller's, so: not found. */
  static UUID uuid(String value, String what) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(what + " not found");
    }
  }
}
