package shop.localstack.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.http.ApiRoute;

/**
 * Does locally what API Gateway's HTTP API does in the cloud: matches method and path template from
 * each service's openapi.yaml (most specific route first), checks SigV4 on IAM routes, builds the
 * payload v2 event, invokes the service's Lambda handler and returns its response. {@code GET
 * /health} answers 200 once everything is up; {@code /docs} is the API reference, when given one.
 */
public final class LocalHttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalHttpApi.class);
  private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A function behind the API: its name, the routes it serves and its handler. */
  public record Function(
      String name,
      List<ApiRoute> routes,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

  private record Bound(ApiRoute route, RouteTemplate template, Function function) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Bound> routes;
  private final SigV4Check sigV4;
  private final Map<String, LocalSigner> signers;
  private final BooleanSupplier healthy;

  private LocalHttpApi(
      int port,
      List<Function> functions,
      SigV4Check sigV4,
      List<LocalSigner> signers,
      BooleanSupplier healthy) {
    this.sigV4 = sigV4;
    this.signers = new LinkedHashMap<>();
    signers.forEach(signer -> this.signers.put(signer.accessKeyId(), signer));
    this.healthy = healthy;
    this.routes = new ArrayList<>();
    for (Function function : functions) {
      for (ApiRoute route : function.routes()) {
        routes.add(new Bound(route, RouteTemplate.of(route.path()), function));
      }
    }
    // Most literal segments first: /products/search beats /products/{id}, as in API Gateway.
    routes.sort(Comparator.comparingInt((Bound b) -> -b.template().literalSegments()));
    try {
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    } catch (BindException e) {
      throw new IllegalStateException(
          "port " + port + " is already in use: stop what uses it or set SHOP_PORT to another port",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  /**
   * An API on {@code port} (0 for any free port) serving {@code functions}; IAM routes accept SigV4
   * signatures made with the credentials of one of {@code signers}, and pass the handler that
   * signer's role as the caller, as API Gateway does.
   */
  public static LocalHttpApi create(
      int port,
      List<Function> functions,
      List<LocalSigner> signers,
      String region,
      BooleanSupplier healthy) {
    Map<String, String> secrets = new LinkedHashMap<>();
    signers.forEach(signer -> secrets.put(signer.accessKeyId(), signer.secretAccessKey()));
    return new LocalHttpApi(
        port,
        functions,
        new SigV4Check(secrets, region, "execute-api", Clock.systemUTC()),
        signers,
        healthy);
  }

  /**
   * Also answers Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) for
   * {@code lambda}'s functions on this port: set it before {@link #start}.
   */
  public LocalHttpApi invoking(LocalLambda lambda) {
    server.createContext(LocalLambda.PATH, lambda::serve);
    return this;
  }

  /** Also serves {@code reference} at {@link ApiReference#PATH}: set it before {@link #start}. */
  public LocalHttpApi documenting(ApiReference reference) {
    server.createContext(ApiReference.PATH, reference::serve);
    return this;
  }

  /** Also serves {@code site} at its path: set it before {@link #start}. */
  public LocalHttpApi serving(StaticSite site) {
    server.createContext(site.path(), site::serve);
    return this;
  }

  public LocalHttpApi start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      answer(exchange);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "local API could not answer {} {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    if (method.equals("GET") && path.equals("/health")) {
      boolean up = healthy.getAsBoolean();
      send(exchange, up ? 200 : 503, Map.of(), json(up ? "UP" : "STARTING", "status"));
      return;
    }
    Optional<Map.Entry<Bound, Map<String, String>>> match = match(method, path);
    if (match.isEmpty()) {
      send(exchange, 404, Map.of(), json("Not Found", "message"));
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      send(exchange, 413, Map.of(), json("Request Entity Too Large", "message"));
      return;
    }
    Bound bound = match.get().getKey();
    LocalSigner iamCaller = null;
    if (bound.route().auth() == ApiRoute.Auth.IAM) {
      URI uri =
          URI.create(
              "http://" + first(exchange, "host").orElse("localhost") + exchange.getRequestURI());
      SigV4Check.Result result = sigV4.check(method, uri, exchange.getRequestHeaders(), body);
      if (!result.ok()) {
        send(exchange, 403, Map.of(), json(result.denial(), "message"));
        return;
      }
      iamCaller = signers.get(result.accessKeyId());
    }
    APIGatewayV2HTTPEvent event = event(exchange, bound, match.get().getValue(), body, iamCaller);
    APIGatewayV2HTTPResponse response;
    try {
      response =
          Invocations.timed(
              bound.function().name(),
              "http",
              1,
              () ->
                  bound
                      .function()
                      .handler()
                      .handleRequest(
                          event,
                          new LocalContext(
                              event.getRequestContext().getRequestId(),
                              bound.function().name(),
                              TIMEOUT)));
    } catch (RuntimeException e) {
      LOG.error("function {} failed on {}", bound.function().name(), bound.route().routeKey(), e);
      send(exchange, 500, Map.of(), json("Internal Server Error", "message"));
      return;
    }
    byte[] responseBody =
        response.getBody() == null
            ? new byte[0]
            : response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        response.getHeaders() == null ? Map.of() : new LinkedHashMap<>(response.getHeaders());
    if (response.getCookies() != null) {
      response.getCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
    }
    send(exchange, response.getStatusCode(), headers, responseBody);
  }

  private Optional<Map.Entry<Bound, Map<String, String>>> match(String method, String path) {
    for (Bound bound : routes) {
      if (!bound.route().method().equals(method)) {
        continue;
      }
      Optional<Map<String, String>> params = bound.template().match(path);
      if (params.isPresent()) {
        return Optional.of(Map.entry(bound, params.get()));
      }
    }
    return Optional.empty();
  }

  private static APIGatewayV2HTTPEvent event(
      HttpExchange exchange,
      Bound bound,
      Map<String, String> pathParameters,
      byte[] body,
      LocalSigner iamCaller) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
              } else {
                headers.put(lower, String.join(",", values));
              }
            });
    // Lambda starts a trace per invocation (active tracing); here the header carries it in.
    headers.putIfAbsent("x-amzn-trace-id", newTraceHeader());
    String rawQuery = exchange.getRequestURI().getRawQuery();
    boolean text = isText(headers.get("content-type"));
    Instant now = Instant.now();
    var authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder();
    if (iamCaller != null) {
      authorizer.withIam(
          APIGatewayV2HTTPEvent.RequestContext.IAM
              .builder()
              .withUserArn(iamCaller.sessionArn())
              .withAccessKey(iamCaller.accessKeyId())
              .withAccountId(iamCaller.accountId())
              .build());
    }
    String path = exchange.getRequestURI().getRawPath();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(bound.route().routeKey())
        .withRawPath(path)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withHeaders(headers)
        .withQueryStringParameters(QueryString.parse(rawQuery))
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withBody(
            body.length == 0
                ? null
                : text
                    ? new String(body, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "localhost"))
                .withStage("$default")
                .withRouteKey(bound.route().routeKey())
                .withRequestId(UUID.randomUUID().toString())
                .withTime(now.toString())
                .withTimeEpoch(now.toEpochMilli())
                .withAuthorizer(authorizer.build())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(bound.route().method())
                        .withPath(path)
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(headers.get("user-agent"))
                        .build())
                .build())
        .build();
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.startsWith("application/x-www-form-urlencoded");
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
    return body.length > MAX_PAYLOAD_BYTES ? null : body;
  }

  private static Optional<String> first(HttpExchange exchange, String header) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(header));
  }

  private static byte[] json(String value, String field) {
    String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
    return ("{\"" + field + "\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (!exchange.getResponseHeaders().containsKey("Content-Type") && body.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    boolean noBody = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A new X-Ray trace header: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>}. */
  private static String newTraceHeader() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%08x%016x;Sampled=1",
        Instant.now().getEpochSecond(), random.nextInt(), random.nextLong());
  }
}
