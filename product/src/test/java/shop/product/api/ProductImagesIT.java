package shop.product.api;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.product.api.ProductApiIT.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.TestTokens;
import shop.product.TestStack;

/** Image uploads through presigned S3 PUTs against S3Proxy, and what attaching accepts. */
class ProductImagesIT {
  private static final String ADMIN = TestTokens.admin("admin-1");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static TestStack stack;
  private static ProductApi api;

  @BeforeAll
  static void start() {
    stack = TestStack.startWithS3();
    api = new ProductApi(stack.module);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void uploadsAPngWithThePresignedUrlAndAttachesIt() throws Exception {
    String productId = product();
    byte[] png = png();

    JsonNode upload = json(uploadUrl(productId, "image/png", png.length));
    Instant expiresAt = Instant.parse(upload.path("expiresAt").asText());
    int status = put(upload.path("uploadUrl").asText(), "image/png", png);
    var attached = attach(productId, upload.path("key").asText());

    assertThat(expiresAt).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
    assertThat(status).isEqualTo(200);
    assertThat(attached.getStatusCode()).as(attached.getBody()).isEqualTo(200);
    JsonNode image = json(attached).path("images").get(0);
    assertThat(image.path("key").asText()).isEqualTo(upload.path("key").asText());
    assertThat(image.path("url").asText())
        .startsWith(stack.s3Endpoint() + "/" + TestStack.BUCKET + "/products/" + productId + "/");
    JsonNode read = json(call(ApiEvents.request("GET /products/{id}").path("id", productId)));
    assertThat(read.path("images")).hasSize(1);
  }

  @Test
  void refusesATextFileUploadedAsPng() throws Exception {
    String productId = product();
    byte[] text = "this is not a picture, only text pretending".getBytes(StandardCharsets.UTF_8);

    JsonNode upload = json(uploadUrl(productId, "image/png", text.length));
    assertThat(put(upload.path("uploadUrl").asText(), "image/png", text)).isEqualTo(200);
    var attached = attach(productId, upload.path("key").asText());

    assertThat(attached.getStatusCode()).isEqualTo(400);
    assertThat(json(attached).path("errors").get(0).path("field").asText()).isEqualTo("key");
    assertThat(
            json(call(ApiEvents.request("GET /products/{id}").path("id", productId)))
                .path("images"))
        .isEmpty();
  }

  @Test
  void theSignatureHoldsTheLengthAndType() throws Exception {
    String productId = product();
    byte[] png = png();
    String url =
        json(uploadUrl(productId, "image/png", png.length + 10)).path("uploadUrl").asText();

    assertThat(put(url, "image/png", png)).isEqualTo(403);
    assertThat(put(url, "image/jpeg", png)).isEqualTo(403);
  }

  @Test
  void refusesWhatCannotBeAnAllowedImage() {
    String productId = product();

    assertField(uploadUrl(productId, "image/gif", 100), "contentType");
    assertField(uploadUrl(productId, "image/png", 5 * 1024 * 1024 + 1), "contentLength");
    assertField(uploadUrl(productId, "image/png", 0), "contentLength");
    assertField(
        attach(productId, "products/" + productId + "/" + UUID.randomUUID() + ".png"), "key");
    assertField(attach(productId, "products/other/" + UUID.randomUUID() + ".png"), "key");
    assertThat(uploadUrl("0123456789abcdef01234567", "image/png", 100).getStatusCode())
        .isEqualTo(404);
  }

  private static void assertField(APIGatewayV2HTTPResponse response, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
  }

  private static int put(String url, String contentType, byte[] body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static APIGatewayV2HTTPResponse uploadUrl(String id, String type, long length) {
    return call(
        ApiEvents.request("POST /products/{id}/images/upload-url")
            .path("id", id)
            .bearer(ADMIN)
            .json(Map.of("contentType", type, "contentLength", length)));
  }

  private static APIGatewayV2HTTPResponse attach(String id, String key) {
    return call(
        ApiEvents.request("POST /products/{id}/images")
            .path("id", id)
            .bearer(ADMIN)
            .json(Map.of("key", key)));
  }

  private static String product() {
    var created =
        call(
            ApiEvents.request("POST /products")
                .bearer(ADMIN)
                .json(
                    Map.of(
                        "sku",
                        "IMG-" + UUID.randomUUID().toString().substring(0, 8),
                        "name",
                        "Framed print",
                        "price",
                        4500,
                        "currency",
                        "EUR",
                        "categoryIds",
                        List.of())));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static APIGatewayV2HTTPResponse call(ApiEvents request) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(request.build(), null);
  }
}
