package shop.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.auth.Caller;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.domain.DomainFailure;
import shop.platform.observability.Metrics;
import shop.platform.observability.RequestLog;
import shop.platform.observability.Traces;
import shop.platform.outbox.OutboxRelay;
import shop.platform.snapstart.Priming;

/**
 * Dispatches API Gateway HTTP API (payload v2) events by their {@code routeKey} to the service's
 * routes, and turns every failure into an {@code application/problem+json} response: a {@link
 * ProblemException} as it says, a domain failure as its mapping says (the service's own, else the
 * shared kernel's: {@code DomainProblems}), a dependency that cannot serve (no database connection
 * in time, a refused or closed connection, a timeout) as a 503 with {@code Retry-After}, anything
 * else as a 500 that names the request id and never the stack trace.
 */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String PROBLEM_JSON = "application/problem+json";

  private final Map<String, Route> routes;
  private final Map<Class<? extends RuntimeException>, Function<RuntimeException, ProblemException>>
      mappers;
  private final JwtVerifier verifier;
  private final OutboxRelay outbox;
  private final int maxBodyBytes;
  private final RequestBodies bodies;
  private final Metrics metrics;
  private final ObjectMapper mapper = HttpJson.mapper();
  private final List<APIGatewayV2HTTPEvent> primingReads;
  // Held here: the CRaC context keeps a primer only as long as its owner does.
  private final Priming.Primer primer = Priming.register("http api", () -> prime());

  private HttpApi(Builder builder) {
    this.routes = Map.copyOf(builder.routes);
    this.mappers = new LinkedHashMap<>(builder.mappers);
    this.verifier = builder.verifier;
    this.outbox = builder.outbox;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.metrics = builder.metrics;
    this.bodies = new RequestBodies(mapper, builder.validation);
    this.primingReads = List.copyOf(builder.primingReads);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The route keys this API serves, e.g. {@code GET /products/{id}}: checked against openapi.yaml
   * by a test.
   */
  public Set<String> routeKeys() {
    return routes.keySet();
  }

  /**
   * Answers {@code event}; the events its route committed to the outbox are relayed before the
   * answer goes back (the fast path), since a Lambda instance may be frozen right after.
   */
  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    long start = System.nanoTime();
    HttpRequest request = new HttpRequest(event, bodies, verifier);
    RequestLog log = RequestLog.start(request.requestId(), event.getRouteKey(), metrics);
    APIGatewayV2HTTPResponse response;
    try (Traces.Scope trace = Traces.continueRequest(header(event, "x-amzn-trace-id"))) {
      response =
          outbox == null
              ? answer(event, request)
              : outbox.relayingAfter(() -> answer(event, request));
    }
    if (isPersonal(event)) {
      // A caller's own data (or a token) is never kept by a browser, proxy or CDN cache.
      Map<String, String> headers =
          new HashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
      headers.putIfAbsent("Cache-Control", "no-store");
      response.setHeaders(headers);
    }
    long elapsed = System.nanoTime() - start;
    log.finish(response.getStatusCode(), elapsed);
    measure(event.getRouteKey(), response.getStatusCode(), elapsed);
    return response;
  }

  /**
   * The route's metrics: one request, its latency and whether it failed on the caller's side or on
   * ours. Requests for no route count under {@code unmatched}, never under what the caller sent.
   */
  private void measure(String routeKey, int status, long elapsedNanos) {
    String route = routeKey != null && routes.containsKey(routeKey) ? routeKey : "unmatched";
    metrics
        .point(Map.of("route", route))
        .count("Requests", 1)
        .milliseconds("LatencyMs", elapsedNanos / 1_000_000.0)
        .count("Errors4xx", status >= 400 && status < 500 ? 1 : 0)
        .count("Errors5xx", status >= 500 ? 1 : 0)
        .emit();
  }

  private static String header(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    return headers.entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Whether the request carries credentials or asks for them: its answer is the caller's own. */
  private static boolean isPersonal(APIGatewayV2HTTPEvent event) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    boolean credentials =
        headers.keySet().stream()
            .anyMatch(h -> h.equalsIgnoreCase("authorization") || h.equalsIgnoreCase("cookie"));
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return credentials
        || (event.getCookies() != null && !event.getCookies().isEmpty())
        || route.contains(" /auth/");
  }

  private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, HttpRequest request) {
    try {
      return dispatch(event, request);
    } catch (ProblemException e) {
      return problem(e, request);
    } catch (RuntimeException e) {
      return mapped(e, request);
    }
  }

  /**
   * Before a SnapStart snapshot: one request through the whole request path (event, dispatch,
   * problem, JSON), for a route no service has, and then the service's {@linkplain
   * Builder#primeWith representative reads}, through their routes and the store, as a caller who
   * has no data. Nothing is logged or counted as a request. Returns the two problems it rendered.
   */
  List<Problem> prime() {
    List<Problem> problems = primeProblems();
    for (APIGatewayV2HTTPEvent read : primingReads) {
      int status =
          answer(read, new HttpRequest(read, bodies, verifier, PRIMING_CALLER)).getStatusCode();
      LOG.debug("primed {}: {}", read.getRouteKey(), status);
    }
    return problems;
  }

  /**
   * Who priming's reads come from: a user id no account has, with every role and a second factor,
   * so that a read route answers (with nothing) instead of refusing. It exists only inside {@link
   * #prime}: no request from outside can carry it.
   */
  private static final Caller PRIMING_CALLER =
      new Caller(
          "00000000-0000-0000-0000-000000000000",
          "priming@invalid",
          "priming",
          null,
          false,
          Set.copyOf(Caller.STAFF_ROLES),
          null,
          Set.of(Caller.PASSWORD, Caller.ONE_TIME_CODE));

  private List<Problem> primeProblems() {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRouteKey("GET /__priming")
            .withRawPath("/__priming")
            .withHeaders(Map.of("content-type", "application/json"))
            .withBody("{\"name\":\" \",\"count\":0}")
            .build();
    HttpRequest request = new HttpRequest(event, bodies, verifier);
    List<Problem> problems = new ArrayList<>();
    try {
      dispatch(event, request);
      throw new IllegalStateException("a route answers GET /__priming");
    } catch (ProblemException e) {
      problem(e, request);
      problems.add(e.problem());
    }
    // And a body that breaks its constraints: JSON to a record, Bean Validation, a 400 naming it.
    try {
      request.body(PrimingBody.class);
      throw new IllegalStateException("an invalid priming body was accepted");
    } catch (ProblemException e) {
      problem(e, request);
      problems.add(e.problem());
    }
    return problems;
  }

  /** The request body priming reads: refused, since its name is blank and its count zero. */
  private record PrimingBody(@NotBlank String name, @Positive int count) {}

  private APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event, HttpRequest request) {
    Route route = event.getRouteKey() == null ? null : routes.get(event.getRouteKey());
    if (route == null) {
      throw ProblemException.notFound("no route for " + event.getRouteKey());
    }
    String body = event.getBody();
    if (body != null && body.length() > maxBodyBytes) {
      throw new ProblemException(
          Problem.of(
              413, "Content Too Large", "the body must be at most " + maxBodyBytes + " bytes"));
    }
    HttpResponse response = route.handle(request);
    return json(response.status(), response.headers(), response.body(), "application/json");
  }

  private APIGatewayV2HTTPResponse mapped(RuntimeException e, HttpRequest request) {
    for (var mapping : mappers.entrySet()) {
      if (mapping.getKey().isInstance(e)) {
        return problem(mapping.getValue().apply(e), request);
      }
    }
    if (e instanceof DomainFailure failure) {
      ProblemException problem = DomainProblems.of(failure);
      if (problem != null) {
        return problem(problem, request);
      }
    }
    if (Unavailable.is(e)) {
      LOG.warn("{}: a dependency is unavailable: {}", request.routeKey(), e.toString());
      return problem(
          ProblemException.unavailable("the service cannot serve right now; try again shortly"),
          request);
    }
    boolean primed = Priming.isPriming() && AwsClients.isPrimingRefusal(e);
    if (primed) {
      // Expected: priming's AWS SDK requests are answered with a refusal, never sent.
      LOG.debug("primed {} up to {}", request.routeKey(), e.toString());
    } else {
      LOG.error("unexpected failure in {}", request.routeKey(), e);
    }
    Problem internal =
        Problem.of(
                500,
                "Internal Server Error",
                "something went wrong on our side; quote request id " + request.requestId())
            .withInstance(request.requestId());
    return primed
        ? json(500, Map.of(), internal, PROBLEM_JSON)
        : problem(new ProblemException(internal), request);
  }

  private APIGatewayV2HTTPResponse problem(ProblemException e, HttpRequest request) {
    Problem problem = e.problem().withInstance(request.requestId());
    if (problem.status() >= 500) {
      LOG.warn("{} answered {}: {}", request.routeKey(), problem.status(), problem.detail());
    }
    return json(problem.status(), e.headers(), problem, PROBLEM_JSON);
  }

  private APIGatewayV2HTTPResponse json(
      int status, Map<String, String> extraHeaders, Object body, String contentType) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    String text = null;
    if (body != null) {
      headers.put("Content-Type", contentType);
      try {
        text = mapper.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("response body cannot be written as JSON", e);
      }
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(text)
        .withIsBase64Encoded(false)
        .build();
  }

  /** Builds an {@link HttpApi}; one per cold start. */
  public static final class Builder {
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<
            Class<? extends RuntimeException>, Function<RuntimeException, ProblemException>>
        mappers = new LinkedHashMap<>();
    private JwtVerifier verifier;
    private OutboxRelay outbox;
    private int maxBodyBytes = 256 * 1024;
    private BeanValidation validation;
    private Metrics metrics = Metrics.standard();
    private final List<APIGatewayV2HTTPEvent> primingReads = new ArrayList<>();

    private Builder() {}

    /**
     * A representative read that SnapStart's priming sends through {@code routeKey} (a {@code GET}
     * route of this API) with {@code query}, so that the first request after a restore finds the
     * route, its use case and the store's driver warm. It runs as a caller who has no data.
     */
    public Builder primeWith(String routeKey, Map<String, String> query) {
      if (!routeKey.startsWith("GET /") || routeKey.contains("{")) {
        throw new IllegalArgumentException("priming reads a GET route without path parameters");
      }
      primingReads.add(
          APIGatewayV2HTTPEvent.builder()
              .withRouteKey(routeKey)
              .withRawPath(routeKey.substring("GET ".length()))
              .withQueryStringParameters(Map.copyOf(query))
              .withHeaders(Map.of())
              .build());
      return this;
    }

    /** Adds the route {@code routeKey} ({@code "POST /orders"}, as in openapi.yaml). */
    public Builder route(String routeKey, Route route) {
      if (routes.putIfAbsent(routeKey, route) != null) {
        throw new IllegalArgumentException("route " + routeKey + " is defined twice");
      }
      return this;
    }

    /** Answers {@code type} (a domain exception) with the problem {@code mapping} makes of it. */
    @SuppressWarnings("unchecked")
    public <E extends RuntimeException> Builder map(
        Class<E> type, Function<? super E, ProblemException> mapping) {
      mappers.put(type, e -> mapping.apply((E) e));
      return this;
    }

    public Builder jwtVerifier(JwtVerifier verifier) {
      this.verifier = verifier;
      return this;
    }

    /** The service's outbox: what a request commits to it is relayed before the answer. */
    public Builder outbox(OutboxRelay outbox) {
      this.outbox = outbox;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Where the routes' metrics go (tests capture them); the process's sink by default. */
    public Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder validation(BeanValidation validation) {
      this.validation = validation;
      return this;
    }

    public HttpApi build() {
      primingReads.stream()
          .map(APIGatewayV2HTTPEvent::getRouteKey)
          .filter(key -> !routes.containsKey(key))
          .findFirst()
          .ifPresent(
              key -> {
                throw new IllegalArgumentException("priming reads " + key + ", which is no route");
              });
      if (validation == null) {
        validation = new BeanValidation();
      }
      return new HttpApi(this);
    }
  }
}
