package shop.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import shop.platform.auth.Caller;
import shop.platform.auth.JwtVerifier;

/**
 * One API Gateway HTTP API (payload v2) request as a handler sees it: typed access to parameters
 * and body, each failing with a 4xx problem that names the bad input.
 */
public final class HttpRequest {
  private final APIGatewayV2HTTPEvent event;
  private final RequestBodies bodies;
  private final JwtVerifier verifier;
  private Caller caller;

  HttpRequest(APIGatewayV2HTTPEvent event, RequestBodies bodies, JwtVerifier verifier) {
    this(event, bodies, verifier, null);
  }

  /** With {@code caller} already known: SnapStart priming's own request, which has no token. */
  HttpRequest(
      APIGatewayV2HTTPEvent event, RequestBodies bodies, JwtVerifier verifier, Caller caller) {
    this.event = event;
    this.bodies = bodies;
    this.verifier = verifier;
    this.caller = caller;
  }

  public String routeKey() {
    return event.getRouteKey();
  }

  /**
   * The address the request came from, as API Gateway saw the connection ({@code
   * requestContext.http.sourceIp}; not a client-set header); "unknown" when there is none.
   */
  public String sourceIp() {
    var context = event.getRequestContext();
    var http = context == null ? null : context.getHttp();
    String ip = http == null ? null : http.getSourceIp();
    return ip == null || ip.isBlank() ? "unknown" : ip;
  }

  public String requestId() {
    return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
  }

  /** A path parameter of the route; the route template guarantees it is there. */
  public String path(String name) {
    Map<String, String> params = event.getPathParameters();
    String value = params == null ? null : params.get(name);
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField(name, "is required");
    }
    return printable(name, value);
  }

  public Optional<String> query(String name) {
    Map<String, String> params = event.getQueryStringParameters();
    return Optional.ofNullable(params == null ? null : params.get(name))
        .filter(v -> !v.isEmpty())
        .map(v -> printable(name, v));
  }

  /**
   * {@code value} if it has no control characters: no id or filter of ours has one, and a NUL
   * reaching PostgreSQL fails the statement (a 500 instead of a 400).
   */
  private static String printable(String name, String value) {
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalidField(name, "must not contain control characters");
    }
    return value;
  }

  /** An integer query parameter within {@code min..max}, or {@code defaultValue} when absent. */
  public int queryInt(String name, int defaultValue, int min, int max) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(name, "must be an integer");
    }
  }

  /** A long query parameter of at least {@code min}, if present. */
  public Optional<Long> queryLong(String name, long min) {
    return query(name)
        .map(
            raw -> {
              try {
                long value = Long.parseLong(raw);
                if (value < min) {
                  throw ProblemException.invalidField(name, "must be at least " + min);
                }
                return value;
              } catch (NumberFormatException e) {
                throw ProblemException.invalidField(name, "must be an integer");
              }
            });
  }

  /** A header, by case-insensitive name (API Gateway lowercases them; tests may not). */
  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    String value = headers.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      value =
          headers.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(name))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    return Optional.ofNullable(value);
  }

  /** The raw body text, decoded from base64 when API Gateway encoded it. */
  public String body() {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      try {
        return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("body is not valid base64");
      }
    }
    return body;
  }

  /**
   * The JSON body as {@code type}, checked for content type, size, syntax, types and Bean
   * Validation.
   */
  public <T> T body(Class<T> type) {
    String contentType = header("content-type").orElse("");
    if (!isJson(contentType)) {
      throw new ProblemException(
          Problem.of(
              415,
              "Unsupported Media Type",
              "send the body as application/json, not '" + contentType + "'"));
    }
    return bodies.read(body(), type);
  }

  /** The caller, from a verified bearer JWT; 401 when there is none or it is not valid. */
  public Caller caller() {
    if (caller == null) {
      String authorization =
          header("authorization")
              .orElseThrow(() -> ProblemException.unauthorized("a bearer token is required"));
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ProblemException.unauthorized("the Authorization header must be 'Bearer <token>'");
      }
      if (verifier == null) {
        throw ProblemException.unauthorized("this function does not accept bearer tokens");
      }
      caller = verifier.verify(authorization.substring(7).strip());
    }
    return caller;
  }

  /**
   * The caller acting as staff with {@code role} ({@link Caller#actsAs}): 403 when they lack the
   * role, or logged in without their second factor.
   */
  public Caller callerWithRole(String role) {
    Caller c = caller();
    if (!c.hasRole(role)) {
      throw ProblemException.forbidden("this needs the " + role + " role");
    }
    if (!c.actsAs(role)) {
      throw ProblemException.forbidden(
          "this needs a login with a one-time code (TOTP), not the password alone");
    }
    return c;
  }

  /**
   * Requires that API Gateway authorized this request with IAM (SigV4): the {@code /internal/*}
   * routes that only other services may call. API Gateway puts the signer's identity in the request
   * context; a user JWT does not.
   */
  public String iamCaller() {
    var context = event.getRequestContext();
    var authorizer = context == null ? null : context.getAuthorizer();
    var iam = authorizer == null ? null : authorizer.getIam();
    if (iam == null || iam.getUserArn() == null) {
      throw ProblemException.forbidden(
          "this route is for services signed with AWS IAM credentials");
    }
    return iam.getUserArn();
  }

  static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
