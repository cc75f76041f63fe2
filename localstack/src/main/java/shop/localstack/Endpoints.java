package shop.localstack;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the local cloud's emulators listen and how to sign in to them. {@link #config()} is the
 * same as environment variables (the AWS SDKs' own {@code AWS_ENDPOINT_URL_<SERVICE>} names), which
 * is how services are given it; the client factories build real AWS SDK v2 clients pointed at the
 * emulators (the caller closes them).
 *
 * @param postgres one database per service that owns one, by service name
 */
public record Endpoints(
    String region,
    String accountId,
    String accessKeyId,
    String secretAccessKey,
    URI sqsUrl,
    URI dynamoDbUrl,
    URI s3Url,
    URI eventBridgeUrl,
    URI sandboxUrl,
    String mongoUri,
    Map<String, PostgresDatabase> postgres) {

  /**
   * A PostgreSQL database of one service.
   *
   * @param jdbcUrl {@code jdbc:postgresql://host:port/database}: the one URL a service needs, for
   *     its pool and its migrations alike
   */
  public record PostgresDatabase(String jdbcUrl, String user, String password) {}

  public Endpoints {
    postgres = Map.copyOf(postgres);
  }

  /**
   * Endpoints of an AWS-compatible cloud other than ours, e.g. LocalStack and the containers of
   * {@code localstack/docker-compose.yml}, from {@code settings} (environment variable names):
   *
   * <ul>
   *   <li>{@code AWS_ENDPOINT_URL_<SERVICE>} for SQS, DYNAMODB, S3, EVENTBRIDGE, SESV2, else {@code
   *       AWS_ENDPOINT_URL} (one of them required), as the AWS SDKs name them
   *   <li>{@code AWS_REGION} (us-east-1), {@code AWS_ACCOUNT_ID} (000000000000), {@code
   *       AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} (test / test)
   *   <li>{@code SHOP_SANDBOX_URL}: the Stripe, SendGrid and Twilio stand-in (default: the SES v2
   *       endpoint)
   *   <li>{@code MONGODB_URI} (mongodb://127.0.0.1:27017)
   *   <li>{@code POSTGRES_URL} (jdbc:postgresql://127.0.0.1:5432), {@code POSTGRES_USER}, {@code
   *       POSTGRES_PASSWORD} (shop / shop): one database per service in {@link
   *       LocalCloud#POSTGRES_SERVICES}, named after it
   * </ul>
   */
  public static Endpoints fromSettings(java.util.function.Function<String, String> settings) {
    java.util.function.Function<String, String> or =
        name -> {
          String value = settings.apply(name);
          return value == null || value.isBlank() ? null : value.strip();
        };
    java.util.function.Function<String, URI> endpoint =
        service -> {
          String url = or.apply("AWS_ENDPOINT_URL_" + service);
          url = url != null ? url : or.apply("AWS_ENDPOINT_URL");
          if (url == null) {
            throw new IllegalArgumentException(
                "set AWS_ENDPOINT_URL (e.g. http://localhost:4566 for LocalStack) or"
                    + " AWS_ENDPOINT_URL_"
                    + service);
          }
          return URI.create(url);
        };
    String postgresUrl =
        java.util.Objects.requireNonNullElse(
                or.apply("POSTGRES_URL"), "jdbc:postgresql://127.0.0.1:5432")
            .replaceAll("/+$", "");
    String user = java.util.Objects.requireNonNullElse(or.apply("POSTGRES_USER"), "shop");
    String password = java.util.Objects.requireNonNullElse(or.apply("POSTGRES_PASSWORD"), "shop");
    Map<String, PostgresDatabase> databases = new java.util.LinkedHashMap<>();
    for (String service : LocalCloud.POSTGRES_SERVICES) {
      String address = postgresUrl.replaceFirst("^jdbc:postgresql://", "") + "/" + service;
      databases.put(service, new PostgresDatabase("jdbc:postgresql://" + address, user, password));
    }
    URI ses = endpoint.apply("SESV2");
    return new Endpoints(
        java.util.Objects.requireNonNullElse(or.apply("AWS_REGION"), LocalCloud.REGION),
        java.util.Objects.requireNonNullElse(or.apply("AWS_ACCOUNT_ID"), LocalCloud.ACCOUNT),
        java.util.Objects.requireNonNullElse(
            or.apply("AWS_ACCESS_KEY_ID"), LocalCloud.ACCESS_KEY_ID),
        java.util.Objects.requireNonNullElse(
            or.apply("AWS_SECRET_ACCESS_KEY"), LocalCloud.SECRET_ACCESS_KEY),
        endpoint.apply("SQS"),
        endpoint.apply("DYNAMODB"),
        endpoint.apply("S3"),
        endpoint.apply("EVENTBRIDGE"),
        or.apply("SHOP_SANDBOX_URL") == null ? ses : URI.create(or.apply("SHOP_SANDBOX_URL")),
        java.util.Objects.requireNonNullElse(or.apply("MONGODB_URI"), "mongodb://127.0.0.1:27017"),
        databases);
  }

  /** The database of {@code service} ({@code user}, {@code transaction}). */
  public PostgresDatabase postgres(String service) {
    PostgresDatabase database = postgres.get(service);
    if (database == null) {
      throw new IllegalArgumentException(
          "no PostgreSQL database for " + service + "; there are " + postgres.keySet());
    }
    return database;
  }

  /**
   * The settings every service gets, as environment variable names: {@code AWS_REGION}, {@code
   * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_ENDPOINT_URL_SQS}, {@code
   * AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_EVENTBRIDGE},
   * {@code AWS_ENDPOINT_URL_CLOUDWATCH} (the same port), {@code AWS_ENDPOINT_URL_SESV2} (the
   * sandbox), {@code AWS_S3_FORCE_PATH_STYLE}, {@code MONGODB_URI}, {@code STRIPE_API_BASE}, {@code
   * SENDGRID_API_BASE}, {@code TWILIO_API_BASE}, and per PostgreSQL service {@code
   * POSTGRES_<SERVICE>_JDBC_URL}, {@code ..._USER}, {@code ..._PASSWORD}.
   */
  public Map<String, String> config() {
    Map<String, String> config = new TreeMap<>();
    config.put("AWS_REGION", region);
    config.put("AWS_ACCESS_KEY_ID", accessKeyId);
    config.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    config.put("AWS_ENDPOINT_URL_SQS", sqsUrl.toString());
    config.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbUrl.toString());
    config.put("AWS_ENDPOINT_URL_S3", s3Url.toString());
    config.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridgeUrl.toString());
    // the local EventBridge's port also serves CloudWatch metrics, as LocalStack's one port does
    config.put("AWS_ENDPOINT_URL_CLOUDWATCH", eventBridgeUrl.toString());
    config.put("AWS_ENDPOINT_URL_SESV2", sandboxUrl.toString());
    // S3Proxy serves buckets as paths; virtual-hosted names would not resolve on 127.0.0.1
    config.put("AWS_S3_FORCE_PATH_STYLE", "true");
    config.put("MONGODB_URI", mongoUri);
    config.put("STRIPE_API_BASE", sandboxUrl.toString());
    config.put("SENDGRID_API_BASE", sandboxUrl.toString());
    config.put("TWILIO_API_BASE", sandboxUrl.toString());
    postgres.forEach(
        (service, database) -> {
          String prefix = "POSTGRES_" + service.toUpperCase(Locale.ROOT) + "_";
          config.put(prefix + "JDBC_URL", database.jdbcUrl());
          config.put(prefix + "USER", database.user());
          config.put(prefix + "PASSWORD", database.password());
        });
    return config;
  }

  /**
   * {@link #config()} plus the service's own database as {@code DATABASE_URL} (JDBC), {@code
   * DATABASE_USER}, {@code DATABASE_PASSWORD}: what its Lambda gets in the cloud, and what {@code
   * shop.platform.postgres.PostgresDatabase} reads.
   */
  public Map<String, String> config(String service) {
    Map<String, String> config = config();
    PostgresDatabase database = postgres.get(service);
    if (database != null) {
      config.put("DATABASE_URL", database.jdbcUrl());
      config.put("DATABASE_USER", database.user());
      config.put("DATABASE_PASSWORD", database.password());
    }
    return config;
  }

  public SqsClient sqsClient() {
    return client(SqsClient.builder(), sqsUrl);
  }

  public DynamoDbClient dynamoDbClient() {
    return client(DynamoDbClient.builder(), dynamoDbUrl);
  }

  public EventBridgeClient eventBridgeClient() {
    return client(EventBridgeClient.builder(), eventBridgeUrl);
  }

  public S3Client s3Client() {
    return client(S3Client.builder().forcePathStyle(true), s3Url);
  }

  public S3Presigner s3Presigner() {
    return S3Presigner.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .endpointOverride(s3Url)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, URI endpoint) {
    return builder
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .endpointOverride(endpoint)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  private StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }
}
