package shop.product;

import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import shop.platform.config.Config;
import shop.platform.events.FailureRecorder;
import shop.platform.outbox.MongoOutboxStore;
import shop.platform.testing.FakeEventBridge;
import shop.platform.testing.TestTokens;
import shop.product.api.EnsureIndexesHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The product service on real-protocol servers, in process on ephemeral ports: the Mongo-wire
 * server (memory backend), optionally S3Proxy (transient store) and the platform's fake
 * EventBridge. One per test class.
 */
public final class TestStack implements AutoCloseable {
  public static final String BUCKET = "product-images";

  /** The role that may ask for price quotes, as the deployment names checkout's. */
  public static final String CHECKOUT_ROLE = "arn:aws:iam::000000000000:role/shop-transaction-api";

  private static final String ACCESS_KEY = "test-access";
  private static final String SECRET_KEY = "test-secret";

  public final MongoServer mongo;
  public final S3Proxy s3;
  public final FakeEventBridge bus;
  public final ProductModule module;
  public final Config config;

  /** The module's outbox, as a test's own eyes: entries' status and retention. */
  public final MongoOutboxStore outbox;

  private final MongoClient testClient;

  /** What the event consumer recorded as failed. */
  public final List<FailureRecorder.Failure> failures = new CopyOnWriteArrayList<>();

  private TestStack(boolean withS3) {
    this.mongo = new MongoServer(new MemoryBackend());
    String mongoUri = mongo.bindAndGetConnectionString();
    this.bus = FakeEventBridge.start();
    this.s3 = withS3 ? startS3() : null;
    Map<String, String> values = new HashMap<>();
    values.put("MONGODB_URI", mongoUri);
    values.put("MONGODB_DATABASE", "product-" + UUID.randomUUID());
    values.put("PRODUCT_IMAGES_BUCKET", BUCKET);
    values.put("AWS_REGION", "eu-west-1");
    values.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    values.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    // Nothing else of AWS is called: anything that tries fails at once.
    values.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
    values.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
    if (s3 != null) {
      values.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
    }
    values.put("PRICE_QUOTE_CALLERS", CHECKOUT_ROLE);
    values.put("OUTBOX_BASE_DELAY", "PT0.05S");
    values.put("OUTBOX_MAX_DELAY", "PT0.1S");
    this.config = new Config(values);
    new EnsureIndexesHandler(config).run();
    this.testClient = MongoClients.create(mongoUri);
    this.outbox =
        new MongoOutboxStore(
            testClient.getDatabase(config.require("MONGODB_DATABASE")), Clock.systemUTC());
    this.module =
        new ProductModule(config, TestTokens.verifier(), failures::add, Clock.systemUTC());
    if (s3 != null) {
      try (S3Client client = s3Client()) {
        client.createBucket(b -> b.bucket(BUCKET));
      }
    }
  }

  /** Mongo and the fake bus. */
  public static TestStack start() {
    return new TestStack(false);
  }

  /** Mongo, the fake bus and S3. */
  public static TestStack startWithS3() {
    return new TestStack(true);
  }

  public URI s3Endpoint() {
    return URI.create("http://127.0.0.1:" + s3.getPort());
  }

  /** A client of the test S3, as a test's own eyes. */
  public S3Client s3Client() {
    return S3Client.builder()
        .region(Region.EU_WEST_1)
        .endpointOverride(s3Endpoint())
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static S3Proxy startS3() {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> "STARTED".equals(proxy.getState()));
    return proxy;
  }

  @Override
  public void close() {
    module.close();
    testClient.close();
    if (s3 != null) {
      try {
        s3.stop();
      } catch (Exception e) {
        throw new IllegalStateException("S3Proxy did not stop", e);
      }
    }
    bus.close();
    mongo.shutdownNow();
  }
}
