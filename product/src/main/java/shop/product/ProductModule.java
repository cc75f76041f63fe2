package shop.product;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.events.FailureRecorder;
import shop.platform.outbox.EventBridgeBus;
import shop.platform.outbox.RelayPolicy;
import shop.platform.outbox.RelaySummary;
import shop.product.adapter.MongoCatalog;
import shop.product.adapter.MongoInventory;
import shop.product.adapter.MongoOutbox;
import shop.product.adapter.MongoOutboxRelay;
import shop.product.adapter.S3ProductImages;
import shop.product.catalog.ArchiveProduct;
import shop.product.catalog.AttachImage;
import shop.product.catalog.CreateCategory;
import shop.product.catalog.CreateProduct;
import shop.product.catalog.DeleteCategory;
import shop.product.catalog.GetProduct;
import shop.product.catalog.ListCategories;
import shop.product.catalog.ListProducts;
import shop.product.catalog.ProductImages;
import shop.product.catalog.QuotePrices;
import shop.product.catalog.RequestImageUpload;
import shop.product.catalog.UpdateCategory;
import shop.product.catalog.UpdateProduct;
import shop.product.inventory.ReleaseStock;
import shop.product.inventory.ReserveStock;
import shop.product.inventory.SellStock;
import shop.product.inventory.SetStock;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The product service's composition root: builds every adapter and use case once per cold start
 * from {@link Config}. Handlers' no-arg constructors use {@link #instance()} (from the
 * environment); tests and the local cloud construct it with their own config.
 *
 * <p>Configuration:
 *
 * <ul>
 *   <li>{@code MONGODB_URI}, {@code MONGODB_DATABASE} (required): the store
 *   <li>{@code PRODUCT_IMAGES_BUCKET} (required): the S3 bucket of product images
 *   <li>{@code PRODUCT_IMAGES_BASE_URL} (optional): where clients load images (a CDN); default the
 *       bucket's URL
 *   <li>{@code AWS_REGION} (required); {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3},
 *       {@code AWS_ENDPOINT_URL_EVENTBRIDGE}, {@code AWS_ENDPOINT_URL_DYNAMODB} (optional endpoint
 *       overrides); {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (optional, else the
 *       Lambda role)
 *   <li>{@code S3_PATH_STYLE} (optional, true/false): path-style S3 URLs; default true when an S3
 *       endpoint override is set (the local S3 server)
 *   <li>{@code JWT_ISSUER}, {@code JWT_AUDIENCE}, {@code JWKS_URL} (required): access tokens
 *   <li>{@code OUTBOX_MAX_ATTEMPTS}, {@code OUTBOX_BASE_DELAY}, {@code OUTBOX_MAX_DELAY}, {@code
 *       OUTBOX_CLAIM_TIMEOUT} (optional): the outbox relay's retry policy
 * </ul>
 */
public final class ProductModule implements AutoCloseable {
  /** How long markers of released or sold holds are kept: far beyond any handler's run time. */
  static final Duration SETTLED_HOLD_RETENTION = Duration.ofHours(1);

  private static ProductModule instance;

  private final MongoClient mongo;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final JwtVerifier jwtVerifier;
  private final MongoInventory inventory;
  private final MongoOutbox outbox;
  private final MongoOutboxRelay relay;
  private final FailureRecorder failures;
  private final Clock clock;

  public final ListProducts listProducts;
  public final GetProduct getProduct;
  public final CreateProduct createProduct;
  public final UpdateProduct updateProduct;
  public final ArchiveProduct archiveProduct;
  public final SetStock setStock;
  public final ListCategories listCategories;
  public final CreateCategory createCategory;
  public final UpdateCategory updateCategory;
  public final DeleteCategory deleteCategory;
  public final RequestImageUpload requestImageUpload;
  public final AttachImage attachImage;
  public final QuotePrices quotePrices;
  public final ReserveStock reserveStock;
  public final ReleaseStock releaseStock;
  public final SellStock sellStock;
  public final ProductImages images;

  /** The module of this Lambda instance, built from the environment on first use. */
  public static synchronized ProductModule instance() {
    if (instance == null) {
      instance = new ProductModule(Config.fromEnvironment());
    }
    return instance;
  }

  public ProductModule(Config config) {
    this(config, JwtVerifier.fromConfig(config), Clock.systemUTC());
  }

  public ProductModule(Config config, JwtVerifier jwtVerifier, Clock clock) {
    this(config, jwtVerifier, null, clock);
  }

  /**
   * @param failures where the event consumer records failed messages; null for the shared DynamoDB
   *     failures table
   */
  public ProductModule(
      Config given, JwtVerifier jwtVerifier, FailureRecorder failures, Clock clock) {
    Config config = SecretReferences.resolve(given);
    this.clock = clock;
    this.jwtVerifier = jwtVerifier;
    AwsClients aws = new AwsClients(config);
    boolean pathStyle =
        Boolean.parseBoolean(
            config.get("S3_PATH_STYLE", Boolean.toString(aws.endpoint("S3").isPresent())));
    this.s3 = aws.build(S3Client.builder().forcePathStyle(pathStyle), "S3");
    S3Presigner.Builder presign =
        S3Presigner.builder()
            .region(aws.region())
            .credentialsProvider(aws.credentials())
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    aws.endpoint("S3").ifPresent(presign::endpointOverride);
    this.presigner = presign.build();

    // The only traffic this starts is the driver's own server monitor (which reconnects after a
    // SnapStart restore); the connection pool stays empty until the first request, and the indexes
    // are the deployment's job (EnsureIndexesHandler), so init sends no command.
    this.mongo = MongoClients.create(config.require("MONGODB_URI"));
    MongoDatabase database = mongo.getDatabase(config.require("MONGODB_DATABASE"));
    MongoCatalog catalog = new MongoCatalog(database, clock);
    this.inventory = new MongoInventory(database, clock);
    this.outbox = new MongoOutbox(database, clock);
    this.relay = new MongoOutboxRelay(outbox, EventBridgeBus.create(aws), RelayPolicy.from(config));
    this.failures = failures != null ? failures : DynamoDbFailureRecorder.create(aws);
    this.images =
        new S3ProductImages(
            s3,
            presigner,
            config.require("PRODUCT_IMAGES_BUCKET"),
            config.optional("PRODUCT_IMAGES_BASE_URL").orElse(null),
            clock);

    this.listProducts = new ListProducts(catalog);
    this.getProduct = new GetProduct(catalog);
    this.createProduct = new CreateProduct(catalog);
    this.updateProduct = new UpdateProduct(catalog);
    this.archiveProduct = new ArchiveProduct(catalog);
    this.setStock = new SetStock(inventory, getProduct);
    this.listCategories = new ListCategories(catalog);
    this.createCategory = new CreateCategory(catalog);
    this.updateCategory = new UpdateCategory(catalog);
    this.deleteCategory = new DeleteCategory(catalog);
    this.requestImageUpload = new RequestImageUpload(catalog, images);
    this.attachImage = new AttachImage(catalog, images);
    this.quotePrices = new QuotePrices(catalog);
    this.reserveStock = new ReserveStock(inventory, catalog, outbox, clock);
    this.releaseStock = new ReleaseStock(inventory, outbox);
    this.sellStock = new SellStock(inventory, outbox);
  }

  public JwtVerifier jwtVerifier() {
    return jwtVerifier;
  }

  public FailureRecorder failures() {
    return failures;
  }

  public MongoInventory inventory() {
    return inventory;
  }

  public MongoOutbox outbox() {
    return outbox;
  }

  public MongoOutboxRelay relay() {
    return relay;
  }

  /**
   * The scheduled sweep: sends up to {@code max} outbox entries the fast path left behind, and
   * drops old markers of settled holds.
   */
  public RelaySummary sweep(int max) {
    RelaySummary summary = relay.relayPending(max);
    inventory.pruneSettledHolds(clock.instant().minus(SETTLED_HOLD_RETENTION));
    outbox.deleteSent(clock.instant().minus(RelayPolicy.SENT_RETENTION));
    return summary;
  }

  @Override
  public void close() {
    mongo.close();
    presigner.close();
    s3.close();
  }
}
