package shop.localstack;

/**
 * An error answered the way AWS JSON 1.1 services answer it: an HTTP status and a body {@code
 * {"__type": type, "message": message}}.
 */
final class AwsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;

  AwsError(int status, String type, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static AwsError validation(String message) {
    return new AwsError(400, "ValidationException", message);
  }

  static AwsError notFound(String message) {
    return new AwsError(400, "ResourceNotFoundException", message);
  }

  static AwsError alreadyExists(String message) {
    return new AwsError(400, "ResourceAlreadyExistsException", message);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
