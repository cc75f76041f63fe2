package shop.platform.config;

import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds AWS SDK v2 clients the same way in the cloud and locally: explicit region ({@code
 * AWS_REGION}), the light URL-connection HTTP client, and endpoint overrides from config: {@code
 * AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}) or else {@code
 * AWS_ENDPOINT_URL}, as the AWS SDKs and CLI name them. Credentials come from {@code
 * AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} in config when given, else the default chain
 * (the Lambda role). Build clients once per cold start, in the composition root.
 */
public final class AwsClients {
  private final Config config;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient httpClient;

  public AwsClients(Config config) {
    this.config = config;
    this.region = Region.of(config.require("AWS_REGION"));
    this.credentials = credentials(config);
    // While SnapStart primes, requests are answered without being sent (PrimingHttpClient).
    this.httpClient = new PrimingHttpClient(UrlConnectionHttpClient.builder().build());
  }

  /**
   * Configures {@code builder} for the service whose endpoint variable suffix is {@code serviceId}
   * (e.g. {@code "DYNAMODB"}, {@code "EVENTBRIDGE"}, {@code "SQS"}, {@code "S3"}) and builds the
   * client.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, String serviceId) {
    builder.region(region).credentialsProvider(credentials).httpClient(httpClient);
    endpoint(serviceId).ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** The endpoint override for {@code serviceId}, if config has one. */
  public java.util.Optional<URI> endpoint(String serviceId) {
    return config
        .optional("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT))
        .or(() -> config.optional("AWS_ENDPOINT_URL"))
        .map(URI::create);
  }

  /**
   * How many AWS SDK requests in this JVM a primer made, each answered without being sent (see
   * {@code PrimingHttpClient}): for tests that a primer runs the SDK's request path.
   */
  public static long primedRequests() {
    return PrimingHttpClient.refusals();
  }

  /** Whether {@code failure} is, or was caused by, the refusal of a primer's SDK request. */
  public static boolean isPrimingRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AwsServiceException refused
          && refused.awsErrorDetails() != null
          && PrimingHttpClient.REFUSED.equals(refused.awsErrorDetails().errorCode())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  public Region region() {
    return region;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  private static AwsCredentialsProvider credentials(Config config) {
    return config
        .optional("AWS_ACCESS_KEY_ID")
        .<AwsCredentialsProvider>map(
            key ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(key, config.require("AWS_SECRET_ACCESS_KEY"))))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
