package shop.platform.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every request a test sends and every response a handler answers against the service's
 * openapi.yaml (swagger-request-validator): status, headers, content type and body, problem+json
 * errors included. A response that drifts from its contract fails the test with the validator's
 * messages.
 *
 * <p>A request the contract forbids (no token, a bad field) is how tests reach the error paths, so
 * it is not a failure by itself; the handler must then refuse it: answering it with a 2xx is.
 */
public final class ContractCheck {
  private static final Map<String, ContractCheck> BY_RESOURCE = new ConcurrentHashMap<>();

  private final String name;
  private final OpenApiInteractionValidator validator;

  private ContractCheck(String name, String specification) {
    this.name = name;
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(asOpenApi30(specification))
            // A response may carry only what its schema lists; a request may carry more, which the
            // handlers ignore (tolerant reader), so that old clients keep working.
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel(
                        "validation.request.body.schema.additionalProperties",
                        ValidationReport.Level.IGNORE)
                    .build())
            // allOf merged into one schema first: else each part refuses the others' properties.
            .withResolveCombinators(true)
            .build();
  }

  /**
   * The validator reads OpenAPI 3.0 only: given a 3.1 document it silently skips the schemas'
   * types. Ours use nothing of 3.1 but {@code const}, which 3.0 says as a one-value enum.
   */
  static String asOpenApi30(String specification) {
    try {
      var yaml = new ObjectMapper(new YAMLFactory());
      var root = (ObjectNode) yaml.readTree(specification);
      if (root.path("openapi").asText().startsWith("3.1")) {
        root.put("openapi", "3.0.3");
        root.remove("jsonSchemaDialect");
        constAsEnum(root);
      }
      return yaml.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void constAsEnum(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("const")) {
      object.putArray("enum").add(object.remove("const"));
    }
    node.forEach(ContractCheck::constAsEnum);
  }

  /** The contract in the classpath resource {@code openApiResource}, e.g. "openapi.yaml". */
  public static ContractCheck of(String openApiResource) {
    return BY_RESOURCE.computeIfAbsent(openApiResource, r -> new ContractCheck(r, resource(r)));
  }

  /** A contract given as text, named {@code name} in failure messages. */
  public static ContractCheck inline(String name, String specification) {
    return new ContractCheck(name, specification);
  }

  /** {@code handler}, with each of its exchanges checked against this contract. */
  public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> around(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return (APIGatewayV2HTTPEvent event, Context context) -> {
      var response = handler.handleRequest(event, context);
      check(event, response);
      return response;
    };
  }

  /** Fails with the validator's messages when the exchange breaks this contract. */
  public void check(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
    String method = event.getRequestContext().getHttp().getMethod();
    String path = event.getRawPath();
    var request = new SimpleRequest.Builder(method, path);
    if (event.getHeaders() != null) {
      event.getHeaders().forEach(request::withHeader);
    }
    var authorizer = event.getRequestContext().getAuthorizer();
    if (authorizer != null
        && authorizer.getIam() != null
        && (event.getHeaders() == null || !event.getHeaders().containsKey("authorization"))) {
      // API Gateway checked the caller's SigV4 signature, which a test states as the IAM caller
      // rather than signing: the request had the Authorization header the contract asks for.
      request.withHeader("authorization", "AWS4-HMAC-SHA256 Credential=checked-by-api-gateway");
    }
    if (event.getQueryStringParameters() != null) {
      event.getQueryStringParameters().forEach(request::withQueryParam);
    }
    if (event.getBody() != null && !event.getIsBase64Encoded()) {
      request.withBody(event.getBody());
    }
    check(
        request.build(),
        response.getStatusCode(),
        response.getHeaders(),
        response.getIsBase64Encoded() ? null : response.getBody());
  }

  /** As {@link #check(APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse)}, for any HTTP client. */
  public void check(Request request, int status, Map<String, String> headers, String body) {
    var answer = new SimpleResponse.Builder(status);
    if (headers != null) {
      headers.forEach(answer::withHeader);
    }
    if (body != null && !body.isEmpty()) {
      answer.withBody(body);
    }
    ValidationReport requestReport = validator.validateRequest(request);
    ValidationReport responseReport =
        validator.validateResponse(request.getPath(), request.getMethod(), answer.build());
    if (status >= 400 && status < 500 && !documents(request)) {
      // A path no route has (a test probing "/products/../etc"): there is no operation whose
      // responses to check, and refusing it is right.
      return;
    }
    String exchange =
        request.getMethod() + " " + request.getPath() + " answered " + status + " (" + name + ")";
    if (responseReport.hasErrors()) {
      throw new AssertionError(
          "response breaks the contract: "
              + exchange
              + "\n"
              + SimpleValidationReportFormat.getInstance().apply(responseReport)
              + "\nbody: "
              + body);
    }
    if (requestReport.hasErrors() && status < 400) {
      throw new AssertionError(
          "a request the contract forbids was accepted: "
              + exchange
              + "\n"
              + SimpleValidationReportFormat.getInstance().apply(requestReport));
    }
  }

  /** Whether this contract has the operation {@code request} calls. */
  public boolean documents(Request request) {
    return validator.validateRequest(request).getMessages().stream()
        .noneMatch(
            m ->
                m.getKey().equals("validation.request.path.missing")
                    || m.getKey().equals("validation.request.operation.notAllowed"));
  }

  private static String resource(String name) {
    try (InputStream in = ContractCheck.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + name + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
