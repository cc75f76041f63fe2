package shop.platform.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import shop.platform.http.HttpJson;

/**
 * Builds API Gateway HTTP API (payload v2) events for handler tests, as API Gateway would send
 * them.
 */
public final class ApiEvents {
  private final String routeKey;
  private final Map<String, String> pathParameters = new HashMap<>();
  private final Map<String, String> query = new HashMap<>();
  private final Map<String, String> headers = new HashMap<>();
  private String body;
  private String iamArn;
  private String sourceIp = "198.51.100.7";

  private ApiEvents(String routeKey) {
    this.routeKey = routeKey;
  }

  /** A request on {@code routeKey}, e.g. {@code "GET /products/{id}"}. */
  public static ApiEvents request(String routeKey) {
    return new ApiEvents(routeKey);
  }

  public ApiEvents path(String name, String value) {
    pathParameters.put(name, value);
    return this;
  }

  public ApiEvents query(String name, String value) {
    query.put(name, value);
    return this;
  }

  public ApiEvents header(String name, String value) {
    headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return this;
  }

  public ApiEvents bearer(String token) {
    return header("authorization", "Bearer " + token);
  }

  /** A JSON body: a String is sent as it is, anything else is serialized. */
  public ApiEvents json(Object value) {
    header("content-type", "application/json");
    if (value instanceof String text) {
      body = text;
    } else {
      try {
        body = HttpJson.mapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return this;
  }

  public ApiEvents body(String contentType, String text) {
    header("content-type", contentType);
    body = text;
    return this;
  }

  /** As if the request came from {@code ip} (API Gateway's {@code sourceIp}). */
  public ApiEvents sourceIp(String ip) {
    sourceIp = ip;
    return this;
  }

  /** As if API Gateway authorized the request with IAM as {@code arn}. */
  public ApiEvents iam(String arn) {
    iamArn = arn;
    return this;
  }

  public APIGatewayV2HTTPEvent build() {
    String[] parts = routeKey.split(" ", 2);
    String rawPath = parts[1];
    for (var p : pathParameters.entrySet()) {
      rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
    }
    var authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder();
    if (iamArn != null) {
      authorizer.withIam(
          APIGatewayV2HTTPEvent.RequestContext.IAM.builder().withUserArn(iamArn).build());
    }
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(rawPath)
        .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
        .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
        .withHeaders(Map.copyOf(headers))
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(routeKey)
                .withAuthorizer(authorizer.build())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(parts[0])
                        .withPath(rawPath)
                        .withSourceIp(sourceIp)
                        .build())
                .build())
        .build();
  }
}
