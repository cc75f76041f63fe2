package shop.product;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Mono;
import shop.events.EventType;
import shop.events.OrderCancelled;
import shop.events.OrderCreated;
import shop.events.PaymentCaptured;
import shop.events.ReturnReceived;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.events.EventHandler;
import shop.platform.events.FailureRecorder;
import shop.platform.events.SqsDeadLetters;
import shop.platform.events.SqsEventConsumer;
import shop.platform.http.Health;
import shop.platform.outbox.EventBridgeBus;
import shop.platform.outbox.MongoOutboxStore;
import shop.platform.outbox.OutboxOperations;
import shop.platform.outbox.OutboxRelay;
import shop.platform.outbox.RelayPolicy;
import shop.platform.outbox.RelaySummary;
import shop.platform.snapstart.Priming;
import shop.platform.snapstart.StoreConnection;
import shop.product.adapter.MongoCatalog;
import shop.product.adapter.MongoIndexes;
import shop.product.adapter.MongoInventory;
import shop.product.adapter.OutboxReservationEvents;
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
import shop.product.inventory.Inventory;
import shop.product.inventory.ReleaseStock;
import shop.product.inventory.ReservationLine;
import shop.product.inventory.ReserveOrder;
import shop.product.inventory.ReserveStock;
import shop.product.inventory.RestockReturn;
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
 *   <li>{@code PRICE_QUOTE_CALLERS} (optional): the IAM role ARNs, comma-separated, that may ask
 *       for price quotes ({@code POST /internal/price-quotes}: checkout's); none when unset
 *   <li>{@code OUTBOX_MAX_ATTEMPTS}, {@code OUTBOX_BASE_DELAY}, {@code OUTBOX_MAX_DELAY}, {@code
 *       OUTBOX_CLAIM_TIMEOUT} (optional): the outbox relay's retry policy
 * </ul>
 */
public final class ProductModule implements AutoCloseable {
  /** How long markers of released or sold holds are kept: far beyond any handler's run time. */
  static final Duration SETTLED_HOLD_RETENTION = Duration.ofHours(1);

  /** The consumer of the queue "inventory", as in the topology. */
  static final String INVENTORY_CONSUMER = "inventory";

  /** The order and product priming reads: ids no document has. */
  private static final String PRIMING_ID = "00000000-0000-0000-0000-000000000000";

  private static volatile ProductModule instance;

  private final StoreConnection<MongoClient> mongo;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final JwtVerifier jwtVerifier;
  private final Health health;
  private final Clock clock;
  private final String priceQuoteCallers;
  private final MongoInventory inventory;
  private final OutboxRelay outbox;
  private final ProductImages images;

  private final ListProducts listProducts;
  private final GetProduct getProduct;
  private final CreateProduct createProduct;
  private final UpdateProduct updateProduct;
  private final ArchiveProduct archiveProduct;
  private final SetStock setStock;
  private final ListCategories listCategories;
  private final CreateCategory createCategory;
  private final UpdateCategory updateCategory;
  private final DeleteCategory deleteCategory;
  private final RequestImageUpload requestImageUpload;
  private final AttachImage attachImage;
  private final QuotePrices quotePrices;
  private final ReserveStock reserveStock;
  private final SqsEventConsumer inventoryEvents;
  // Held here: Priming keeps a primer only as long as its owner does.
  private final Priming.Primer inventoryPrimer;

  /** The module of this Lambda instance, built from the environment on first use. */
  public static ProductModule instance() {
    ProductModule built = instance;
    if (built == null) {
      synchronized (ProductModule.class) {
        built = instance;
        if (built == null) {
          built = new ProductModule(Config.fromEnvironment());
          instance = built;
        }
      }
    }
    return built;
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
    this.priceQuoteCallers = config.optional("PRICE_QUOTE_CALLERS").orElse("");
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

    // The client (and its server monitor) starts with the first command, and the indexes are the
    // deployment's job (EnsureIndexesHandler), so init sends nothing. SnapStart's priming uses it
    // and closes it; the first command after a restore opens a new one, reading the URI (a secret)
    // anew. The adapters hold a view of it that follows whichever client is open.
    this.mongo =
        StoreConnection.of(
            "MongoDB client",
            () -> MongoClients.create(SecretReferences.resolve(given).require("MONGODB_URI")));
    String databaseName = config.require("MONGODB_DATABASE");
    MongoDatabase database =
        mongo.view(
            MongoDatabase.class,
            c -> c.getDatabase(databaseName),
            MongoDatabase.class,
            MongoCollection.class);
    this.health =
        new Health(
                "product",
                Map.of(
                    "mongodb",
                    () ->
                        Mono.from(database.runCommand(new Document("ping", 1)))
                            .block(Health.TIMEOUT)))
            .primed();
    MongoCatalog catalog = new MongoCatalog(database, clock);
    this.inventory = new MongoInventory(database, clock);
    MongoOutboxStore outboxStore = new MongoOutboxStore(database, clock);
    this.outbox =
        new OutboxRelay(outboxStore, EventBridgeBus.create(aws), RelayPolicy.from(config));
    OutboxReservationEvents reservationEvents = new OutboxReservationEvents(outboxStore);
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
    this.reserveStock = new ReserveStock(inventory, catalog, reservationEvents, clock);
    ReleaseStock releaseStock = new ReleaseStock(inventory, reservationEvents);
    SellStock sellStock = new SellStock(inventory, reservationEvents);
    RestockReturn restockReturn = new RestockReturn(inventory);

    EventHandler<OrderCreated> created =
        e -> reserveStock.reserve(reserveOrder(e.data(), e.sequence()));
    EventHandler<OrderCancelled> cancelled = e -> releaseStock.release(e.data().orderId());
    EventHandler<PaymentCaptured> captured = e -> sellStock.sell(e.data().orderId());
    EventHandler<ReturnReceived> returned =
        e ->
            restockReturn.restock(
                new RestockReturn.Command(
                    e.data().returnId(),
                    e.data().lines().stream()
                        .map(l -> new ReservationLine(l.productId(), l.quantity()))
                        .toList()));
    // The consumer's MongoDB reads, for an order and a product no document has, and its writes'
    // paths up to the wire, which the driver refuses to send (MongoInventory.primeWrites); the
    // client is closed before the snapshot (StoreConnection).
    this.inventoryPrimer =
        Priming.register(
            "inventory reads and write paths",
            () -> {
              inventory.reservation(PRIMING_ID);
              catalog.products(List.of(PRIMING_ID));
              inventory.primeWrites(PRIMING_ID);
            });
    this.inventoryEvents =
        new SqsEventConsumer(
            INVENTORY_CONSUMER,
            Map.of(
                EventType.ORDER_CREATED, created,
                EventType.ORDER_CANCELLED, cancelled,
                EventType.PAYMENT_CAPTURED, captured,
                EventType.RETURN_RECEIVED, returned),
            failures != null ? failures : DynamoDbFailureRecorder.create(aws),
            outbox,
            SqsDeadLetters.create(aws));
  }

  /**
   * An order's reservation: the event product publishes about it follows the order's version after
   * OrderCreated.
   */
  private static ReserveOrder reserveOrder(OrderCreated order, long sequence) {
    return new ReserveOrder(
        order.orderId(),
        order.lines().stream().map(l -> new ReservationLine(l.productId(), l.quantity())).toList(),
        sequence + 1);
  }

  /**
   * The deployment's index job ({@code EnsureIndexesHandler}): creates the store's indexes that are
   * missing and returns the names of all of them. Needs only {@code MONGODB_URI} and {@code
   * MONGODB_DATABASE}, and builds no module: the job runs before the functions serve.
   */
  public static List<String> ensureIndexes(Config given) {
    Config config = SecretReferences.resolve(given);
    try (MongoClient client = MongoClients.create(config.require("MONGODB_URI"))) {
      return MongoIndexes.ensure(client.getDatabase(config.require("MONGODB_DATABASE")));
    }
  }

  /** Whether a MongoDB client is open: none once SnapStart's priming is done. */
  boolean storeOpen() {
    return mongo.isOpen();
  }

  /** The IAM role ARNs (comma-separated) that may ask for price quotes; blank for none. */
  public String priceQuoteCallers() {
    return priceQuoteCallers;
  }

  /** The service's health routes: liveness, and readiness checking its store. */
  public Health health() {
    return health;
  }

  public JwtVerifier jwtVerifier() {
    return jwtVerifier;
  }

  /** The outbox relay: HTTP requests and the consumer relay what they commit before they answer. */
  public OutboxRelay outbox() {
    return outbox;
  }

  /** What operators may do with this service's outbox (its outbox function). */
  public OutboxOperations outboxOperations() {
    return new OutboxOperations(outbox.store());
  }

  /** The consumer of the queue "inventory": reserves, releases and sells stock. */
  public SqsEventConsumer inventoryEvents() {
    return inventoryEvents;
  }

  /**
   * The scheduled sweep: sends up to {@code max} outbox entries the fast path left behind, deletes
   * those sent long ago, and drops old markers of settled holds.
   */
  public RelaySummary sweepOutbox(int max) {
    RelaySummary summary = outbox.sweep(max);
    inventory.pruneSettledHolds(clock.instant().minus(SETTLED_HOLD_RETENTION));
    return summary;
  }

  /** Stock and reservations as stored: what tests and operators look at. */
  public Inventory inventory() {
    return inventory;
  }

  /** Where product images live; views turn image keys into URLs with it. */
  public ProductImages images() {
    return images;
  }

  public ListProducts listProducts() {
    return listProducts;
  }

  public GetProduct getProduct() {
    return getProduct;
  }

  public CreateProduct createProduct() {
    return createProduct;
  }

  public UpdateProduct updateProduct() {
    return updateProduct;
  }

  public ArchiveProduct archiveProduct() {
    return archiveProduct;
  }

  public SetStock setStock() {
    return setStock;
  }

  public ListCategories listCategories() {
    return listCategories;
  }

  public CreateCategory createCategory() {
    return createCategory;
  }

  public UpdateCategory updateCategory() {
    return updateCategory;
  }

  public DeleteCategory deleteCategory() {
    return deleteCategory;
  }

  public RequestImageUpload requestImageUpload() {
    return requestImageUpload;
  }

  public AttachImage attachImage() {
    return attachImage;
  }

  public QuotePrices quotePrices() {
    return quotePrices;
  }

  public ReserveStock reserveStock() {
    return reserveStock;
  }

  @Override
  public void close() {
    mongo.close();
    presigner.close();
    s3.close();
  }
}
