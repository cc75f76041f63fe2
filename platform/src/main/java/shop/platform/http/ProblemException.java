package shop.platform.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Ends a request with a problem response. Thrown by handlers, the body decoder and the auth checks.
 */
public final class ProblemException extends RuntimeException {
  private final Problem problem;
  private final Map<String, String> headers;

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(Problem.of(400, "Bad Request", detail));
  }

  public static ProblemException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new ProblemException(
        new Problem(
            "https://shop.example/problems/validation",
            "Invalid request",
            400,
            detail,
            null,
            errors));
  }

  public static ProblemException invalidField(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ProblemException unauthorized(String detail) {
    return new ProblemException(
        Problem.of(401, "Unauthorized", detail), Map.of("WWW-Authenticate", "Bearer"));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "Forbidden", detail));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not Found", detail));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }

  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(Problem.of(412, "Precondition Failed", detail));
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of(422, "Unprocessable Content", detail));
  }

  public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
    return new ProblemException(
        Problem.of(429, "Too Many Requests", detail),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
  }

  public static ProblemException unavailable(String detail) {
    return new ProblemException(
        Problem.of(503, "Service Unavailable", detail), Map.of("Retry-After", "1"));
  }
}
