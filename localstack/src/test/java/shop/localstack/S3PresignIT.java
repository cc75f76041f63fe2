package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3PresignIT {
  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every first request
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final S3Client s3;
  private final S3Presigner presigner;

  S3PresignIT(LocalCloud cloud) {
    s3 = cloud.endpoints().s3Client();
    presigner = cloud.endpoints().s3Presigner();
  }

  @AfterAll
  void close() {
    s3.close();
    presigner.close();
    http.close();
  }

  @Test
  void presignedPutUploadsToTheBucket() throws Exception {
    String key = "products/" + UUID.randomUUID() + ".png";
    PresignedPutObjectRequest presigned = presignPut(key);

    HttpResponse<String> upload = put(presigned.url().toURI(), "a picture");

    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(
            s3.getObjectAsBytes(g -> g.bucket(Bootstrap.PRODUCT_IMAGES_BUCKET).key(key))
                .asUtf8String())
        .isEqualTo("a picture");
  }

  @Test
  void presignedPutWithATamperedSignatureIsForbidden() throws Exception {
    String key = "products/" + UUID.randomUUID() + ".png";
    String url = presignPut(key).url().toString();
    int signature = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
    char first = url.charAt(signature);
    String tampered =
        url.substring(0, signature) + (first == 'a' ? 'b' : 'a') + url.substring(signature + 1);

    HttpResponse<String> upload = put(URI.create(tampered), "not a picture");

    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(upload.body()).contains("SignatureDoesNotMatch");
  }

  private PresignedPutObjectRequest presignPut(String key) {
    return presigner.presignPutObject(
        p ->
            p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(
                    o ->
                        o.bucket(Bootstrap.PRODUCT_IMAGES_BUCKET)
                            .key(key)
                            .contentType("image/png")));
  }

  private HttpResponse<String> put(URI url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url)
            .header("Content-Type", "image/png")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
