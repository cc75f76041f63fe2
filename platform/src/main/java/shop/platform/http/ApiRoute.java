package shop.platform.http;

/**
 * One operation of a service's openapi.yaml: what API Gateway routes, and how it authorizes it.
 *
 * @param path the path template, e.g. {@code /products/{id}}
 */
public record ApiRoute(String method, String path, Auth auth, String operationId) {

  /** How API Gateway authorizes the route. */
  public enum Auth {
    /** Public. */
    NONE,
    /** A bearer JWT issued by the user service. */
    JWT,
    /** AWS IAM (SigV4): service-to-service routes under {@code /internal}. */
    IAM
  }

  /** The API Gateway route key, e.g. {@code GET /products/{id}}. */
  public String routeKey() {
    return method + " " + path;
  }
}
