package shop.localstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.http.ApiRoute;
import shop.platform.http.SigV4JsonPost;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class LocalHttpApiIT {
  private static final List<APIGatewayV2HTTPEvent> SEEN = new CopyOnWriteArrayList<>();
  private static LocalHttpApi api;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CHECKOUT_ROLE =
      "arn:aws:iam::000000000000:role/service-role/shop-transaction-api";

  @BeforeAll
  static void start() {
    var routes =
        List.of(
            new ApiRoute("GET", "/products/{id}", ApiRoute.Auth.NONE, "getProduct"),
            new ApiRoute("GET", "/products/search", ApiRoute.Auth.NONE, "search"),
            new ApiRoute("POST", "/products", ApiRoute.Auth.JWT, "create"),
            new ApiRoute("POST", "/internal/price-quotes", ApiRoute.Auth.IAM, "quote"),
            new ApiRoute("GET", "/boom", ApiRoute.Auth.NONE, "boom"));
    api =
        LocalHttpApi.create(
                0,
                List.of(
                    new LocalHttpApi.Function(
                        "product",
                        routes,
                        (event, context) -> {
                          SEEN.add(event);
                          if (event.getRouteKey().equals("GET /boom")) {
                            throw new IllegalStateException("handler bug");
                          }
                          return APIGatewayV2HTTPResponse.builder()
                              .withStatusCode(200)
                              .withHeaders(Map.of("Content-Type", "application/json"))
                              .withBody("{\"route\":\"" + event.getRouteKey() + "\"}")
                              .build();
                        })),
                List.of(
                    new LocalSigner("test-key", "test-secret", CHECKOUT_ROLE),
                    new LocalSigner(
                        "other-key",
                        "other-secret",
                        "arn:aws:iam::000000000000:role/shop-user-api")),
                "eu-west-1",
                () -> true)
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void buildsThePayloadV2EventWithDecodedParameters() throws Exception {
    var response = get("/products/mug%20blue?limit=5&tag=a&tag=b");

    assertThat(response.statusCode()).isEqualTo(200);
    APIGatewayV2HTTPEvent event = SEEN.getLast();
    assertThat(event.getRouteKey()).isEqualTo("GET /products/{id}");
    assertThat(event.getPathParameters()).containsEntry("id", "mug blue");
    assertThat(event.getQueryStringParameters())
        .containsEntry("limit", "5")
        .containsEntry("tag", "a,b");
    assertThat(event.getRequestContext().getRequestId()).isNotBlank();
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    assertThat(event.getHeaders()).containsKey("host");
  }

  @Test
  void aLiteralRouteWinsOverAParameter() throws Exception {
    assertThat(get("/products/search").body()).contains("GET /products/search");
  }

  @Test
  void anUnknownRouteOrMethodIs404() throws Exception {
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/products/1")).DELETE()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void passesTheJsonBodyAndHeaders() throws Exception {
    var response =
        send(
            HttpRequest.newBuilder(uri("/products"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"mug\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    APIGatewayV2HTTPEvent event = SEEN.getLast();
    assertThat(event.getBody()).isEqualTo("{\"name\":\"mug\"}");
    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getHeaders()).containsEntry("authorization", "Bearer abc");
  }

  @Test
  void iamRoutesNeedAValidSignature() throws Exception {
    byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

    assertThat(post("/internal/price-quotes", body, Map.of()).statusCode()).isEqualTo(403);

    Map<String, String> signed = sign(body, "test-key", "test-secret");
    var ok = post("/internal/price-quotes", body, signed);
    assertThat(ok.statusCode()).isEqualTo(200);
    var iam = SEEN.getLast().getRequestContext().getAuthorizer().getIam();
    assertThat(iam.getUserArn())
        .isEqualTo("arn:aws:sts::000000000000:assumed-role/shop-transaction-api/test-key");
    assertThat(iam.getAccountId()).isEqualTo("000000000000");

    var forged = post("/internal/price-quotes", body, sign(body, "test-key", "wrong-secret"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("signature");

    var tampered =
        post("/internal/price-quotes", "{\"items\":[1]}".getBytes(StandardCharsets.UTF_8), signed);
    assertThat(tampered.statusCode()).isEqualTo(403);

    var unknown = post("/internal/price-quotes", body, sign(body, "stranger", "test-secret"));
    assertThat(unknown.statusCode()).isEqualTo(403);
  }

  @Test
  void eachLocalKeySignsAsItsOwnRole() throws Exception {
    byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

    var other = post("/internal/price-quotes", body, sign(body, "other-key", "other-secret"));

    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(SEEN.getLast().getRequestContext().getAuthorizer().getIam().getUserArn())
        .isEqualTo("arn:aws:sts::000000000000:assumed-role/shop-user-api/other-key");
  }

  @Test
  void aFailingHandlerIsA500WithoutDetails() throws Exception {
    var response = get("/boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void healthAnswers() throws Exception {
    assertThat(get("/health").body()).contains("UP");
  }

  /** The headers checkout's signer puts on this request, signed with these credentials. */
  private Map<String, String> sign(byte[] body, String accessKeyId, String secret) {
    var headers = new java.util.HashMap<String, String>();
    new SigV4JsonPost(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)),
            "eu-west-1")
        .post(uri("/internal/price-quotes"), body)
        .build()
        .headers()
        .map()
        .forEach((name, values) -> headers.put(name, values.get(0)));
    return headers;
  }

  private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    builder.header("Content-Type", "application/json");
    headers.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase("Content-Type")) {
            builder.header(k, v);
          }
        });
    return send(builder);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }
}
