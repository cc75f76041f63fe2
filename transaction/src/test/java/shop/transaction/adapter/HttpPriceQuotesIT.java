package shop.transaction.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.transaction.order.ItemRequest;
import shop.transaction.order.PriceQuote;
import shop.transaction.order.PriceQuote.Availability;
import shop.transaction.order.PriceQuotesUnavailable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

/** The price-quote adapter against a stub of product's {@code POST /internal/price-quotes}. */
class HttpPriceQuotesIT {
  private static final AwsBasicCredentials KEYS = AwsBasicCredentials.create("AKIDTEST", "secret");
  private static WireMockServer product;

  private HttpPriceQuotes quotes;

  @BeforeAll
  static void start() {
    product = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    product.start();
    warmUp(product.baseUrl());
  }

  /**
   * The first request in a fresh JVM loads the HTTP client, the signer and the stub server's
   * classes, which on a busy machine can take longer than the adapter's two seconds.
   */
  static void warmUp(String baseUrl) {
    var adapter = new HttpPriceQuotes(baseUrl, StaticCredentialsProvider.create(KEYS), "eu-west-1");
    product.stubFor(
        post(urlEqualTo("/internal/price-quotes")).willReturn(okJson("{\"quotes\":[]}")));
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> adapter.quote(List.of(new ItemRequest("warm-up", 1))).isEmpty());
  }

  @AfterAll
  static void stop() {
    product.stop();
  }

  @BeforeEach
  void reset() {
    product.resetAll();
    quotes =
        new HttpPriceQuotes(product.baseUrl(), StaticCredentialsProvider.create(KEYS), "eu-west-1");
  }

  @Test
  void signsTheRequestForExecuteApiAndReadsOneQuotePerItem() {
    product.stubFor(
        post(urlEqualTo("/internal/price-quotes"))
            .withRequestBody(
                equalToJson(
                    "{\"items\":[{\"productId\":\"p-mug\",\"quantity\":2},"
                        + "{\"productId\":\"p-gone\",\"quantity\":1},"
                        + "{\"productId\":\"p-tee\",\"quantity\":9}]}"))
            .willReturn(
                okJson(
                    """
                    {"quotes":[
                     {"productId":"p-mug","quantity":2,"status":"OK","sku":"MUG-001","name":"Mug",
                      "unitPrice":1250,"currency":"EUR","availableStock":10,"available":true},
                     {"productId":"p-gone","quantity":1,"status":"UNKNOWN_PRODUCT","available":false},
                     {"productId":"p-tee","quantity":9,"status":"OK","sku":"TEE-042","name":"Tee",
                      "unitPrice":2400,"currency":"EUR","availableStock":3,"available":false}]}
                    """)));

    List<PriceQuote> answer =
        quotes.quote(
            List.of(
                new ItemRequest("p-mug", 2),
                new ItemRequest("p-gone", 1),
                new ItemRequest("p-tee", 9)));

    assertThat(answer)
        .containsExactly(
            new PriceQuote("p-mug", Availability.AVAILABLE, "MUG-001", "Mug", 1250, "EUR", 10),
            new PriceQuote("p-gone", Availability.UNKNOWN, null, null, 0, null, 0),
            new PriceQuote("p-tee", Availability.OUT_OF_STOCK, "TEE-042", "Tee", 2400, "EUR", 3));
    LoggedRequest request =
        product.findAll(postRequestedFor(urlEqualTo("/internal/price-quotes"))).get(0);
    assertThat(request.getHeader("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
        .contains("/eu-west-1/execute-api/aws4_request");
    assertThat(request.getHeader("Authorization")).isEqualTo(expectedSignature(request));
  }

  @Test
  void aSlowProductIsUnavailableAfterTwoSeconds() {
    product.stubFor(
        post(urlEqualTo("/internal/price-quotes"))
            .willReturn(okJson("{\"quotes\":[]}").withFixedDelay(2_500)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> quotes.quote(List.of(new ItemRequest("p-mug", 1))))
        .isInstanceOf(PriceQuotesUnavailable.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_400);
  }

  @Test
  void anErrorAnswerMakesProductUnavailable() {
    product.stubFor(
        post(urlEqualTo("/internal/price-quotes")).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> quotes.quote(List.of(new ItemRequest("p-mug", 1))))
        .isInstanceOfSatisfying(
            PriceQuotesUnavailable.class, e -> assertThat(e.reason()).contains("500"));
  }

  @Test
  void aRefusedConnectionIsUnavailableAfterOneRetry() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpPriceQuotes nowhere =
        new HttpPriceQuotes(
            "http://localhost:" + closedPort, StaticCredentialsProvider.create(KEYS), "eu-west-1");

    assertThatThrownBy(() -> nowhere.quote(List.of(new ItemRequest("p-mug", 1))))
        .isInstanceOfSatisfying(
            PriceQuotesUnavailable.class, e -> assertThat(e.reason()).contains("cannot be reached"))
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).hasSize(1));
  }

  /** What AWS's own signer computes for the request as the stub received it. */
  private static String expectedSignature(LoggedRequest request) {
    Instant signedAt =
        Instant.from(
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .parse(request.getHeader("X-Amz-Date")));
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create(request.getAbsoluteUrl()));
    unsigned.putHeader("Content-Type", request.getHeader("Content-Type"));
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(KEYS)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(request.getBody()))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }
}
