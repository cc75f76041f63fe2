package shop.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import shop.platform.http.SigV4JsonPost;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * POSTs signed with SigV4 for API Gateway's IAM authorization, exactly as checkout signs its price
 * check.
 */
final class SignedRequests {
  private final SigV4JsonPost signing;

  SignedRequests(String accessKeyId, String secretAccessKey, String region) {
    this.signing =
        new SigV4JsonPost(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
            region);
  }

  HttpRequest post(URI uri, byte[] body) {
    return signing.post(uri, body).build();
  }
}
