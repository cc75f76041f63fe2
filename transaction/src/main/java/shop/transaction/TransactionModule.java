package shop.transaction;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import shop.events.EventType;
import shop.events.InventoryRejected;
import shop.events.InventoryReserved;
import shop.events.UserDeleted;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.SecretCache;
import shop.platform.config.SecretReferences;
import shop.platform.events.DeadLetters;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.events.EventHandler;
import shop.platform.events.FailureRecorder;
import shop.platform.events.SqsDeadLetters;
import shop.platform.events.SqsEventConsumer;
import shop.platform.http.Health;
import shop.platform.idempotency.PostgresInbox;
import shop.platform.outbox.EventBridgeBus;
import shop.platform.outbox.OutboxOperations;
import shop.platform.outbox.OutboxRelay;
import shop.platform.outbox.OutboxWriter;
import shop.platform.outbox.PostgresOutboxStore;
import shop.platform.outbox.RelayPolicy;
import shop.platform.outbox.RelaySummary;
import shop.platform.postgres.PostgresDatabase;
import shop.transaction.adapter.HmacCarrierNotices;
import shop.transaction.adapter.HttpPriceQuotes;
import shop.transaction.adapter.PostgresOrders;
import shop.transaction.adapter.StripePayments;
import shop.transaction.order.AnonymiseCustomer;
import shop.transaction.order.ApplyCarrierNotice;
import shop.transaction.order.CancelOrder;
import shop.transaction.order.CancelOrderAsStaff;
import shop.transaction.order.Consumers;
import shop.transaction.order.DecideReturn;
import shop.transaction.order.DeliverShipment;
import shop.transaction.order.ExpireOrders;
import shop.transaction.order.IssueRefund;
import shop.transaction.order.OpenOrderLimit;
import shop.transaction.order.PlaceOrder;
import shop.transaction.order.ReceiveReturn;
import shop.transaction.order.RejectOrder;
import shop.transaction.order.RequestReturn;
import shop.transaction.order.SettlePendingRefunds;
import shop.transaction.order.ShipOrder;
import shop.transaction.order.ViewOrders;
import shop.transaction.payment.ApplyPaymentNotice;
import shop.transaction.payment.CapturePayment;
import shop.transaction.payment.RefundPayment;
import shop.transaction.payment.ViewPayment;

/**
 * The transaction service's composition root: every adapter and use case, built once per cold start
 * from config with plain constructors. Connections (database, Stripe, product, the bus) are opened
 * on first use, not here.
 *
 * <p>Config keys:
 *
 * <ul>
 *   <li>{@code DATABASE_URL} ({@code jdbc:postgresql://host:5432/db}), {@code DATABASE_USER},
 *       {@code DATABASE_PASSWORD} (optional), {@code DATABASE_POOL_SIZE} (5): PostgreSQL, for the
 *       pool and the migrations alike ({@link PostgresDatabase#pooled})
 *   <li>{@code PRODUCT_API_URL}: base URL of the HTTP API serving product's {@code POST
 *       /internal/price-quotes}
 *   <li>{@code STRIPE_API_KEY} (a secret or restricted key), {@code STRIPE_WEBHOOK_SECRET} ({@code
 *       whsec_...}): refused at start unless so shaped, read again every {@code SECRETS_TTL} (PT5M)
 *       and after a SnapStart restore; {@code STRIPE_API_BASE} (https://api.stripe.com), {@code
 *       STRIPE_TIMEOUT} (PT10S)
 *   <li>{@code ORDER_EXPIRY} (PT30M): how long after it was placed an order may stay PENDING,
 *       RESERVED or PAYMENT_ACTION_REQUIRED
 *   <li>{@code MAX_UNPAID_ORDERS} (3): how many such orders one customer may hold at once
 *   <li>{@code RETURN_WINDOW} (P30D): how long after delivery a customer may ask for a return
 *   <li>{@code CARRIER_WEBHOOK_SECRET}: the carriers' webhook signing secret (32+ chars), read like
 *       Stripe's
 *   <li>{@code JWT_ISSUER}, {@code JWT_AUDIENCE}, {@code JWKS_URL}: access tokens
 *   <li>{@code AWS_REGION}; {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (else the
 *       Lambda role) for signing the price check and for EventBridge and DynamoDB; {@code
 *       AWS_ENDPOINT_URL_EVENTBRIDGE}, {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code
 *       AWS_ENDPOINT_URL} for the local cloud
 *   <li>{@code OUTBOX_MAX_ATTEMPTS}, {@code OUTBOX_BASE_DELAY}, {@code OUTBOX_MAX_DELAY}, {@code
 *       OUTBOX_CLAIM_TIMEOUT}: the relay's retries ({@link RelayPolicy#from})
 * </ul>
 */
public final class TransactionModule {
  public static final Duration DEFAULT_ORDER_EXPIRY = Duration.ofMinutes(30);

  /** The service's name: its migrations are {@code classpath:db/transaction}. */
  static final String SERVICE = "transaction";

  private static volatile TransactionModule instance;

  private final JwtVerifier jwtVerifier;
  private final Health health;
  private final PlaceOrder placeOrder;
  private final CancelOrder cancelOrder;
  private final ViewOrders viewOrders;
  private final ExpireOrders expireOrders;
  private final ApplyPaymentNotice applyPaymentNotice;
  private final ViewPayment viewPayment;
  private final ShipOrder shipOrder;
  private final DeliverShipment deliverShipment;
  private final ApplyCarrierNotice applyCarrierNotice;
  private final RequestReturn requestReturn;
  private final DecideReturn decideReturn;
  private final ReceiveReturn receiveReturn;
  private final IssueRefund issueRefund;
  private final SettlePendingRefunds settlePendingRefunds;
  private final CancelOrderAsStaff cancelOrderAsStaff;
  private final SqsEventConsumer paymentEvents;
  private final SqsEventConsumer erasureEvents;
  private final OutboxRelay outbox;

  /**
   * Builds the module from {@code config} with the given token verifier, failure recorder and clock
   * (tests and the local cloud pass their own).
   */
  public TransactionModule(
      Config given, JwtVerifier jwtVerifier, FailureRecorder failures, Clock clock) {
    SecretCache secrets = SecretCache.from(given);
    Config config = secrets.resolve(given);
    AwsClients aws = new AwsClients(config);
    PostgresDatabase database = PostgresDatabase.pooled(given, secrets);
    this.health =
        new Health("transaction", Map.of("database", () -> database.query("SELECT 1", row -> 1)))
            .primed();
    this.outbox =
        new OutboxRelay(
            new PostgresOutboxStore(database),
            EventBridgeBus.create(aws),
            RelayPolicy.from(config));
    PostgresOrders orders = new PostgresOrders(database, new OutboxWriter(), new PostgresInbox());
    HttpPriceQuotes prices =
        new HttpPriceQuotes(
            config.require("PRODUCT_API_URL"), aws.credentials(), aws.region().id());
    StripePayments stripe = StripePayments.from(given, secrets);
    RefundPayment refunds = new RefundPayment(stripe);

    this.jwtVerifier = jwtVerifier;
    Duration expiry = config.getDuration("ORDER_EXPIRY", DEFAULT_ORDER_EXPIRY);
    this.placeOrder =
        new PlaceOrder(
            orders,
            prices,
            new OpenOrderLimit(
                config.getInt("MAX_UNPAID_ORDERS", OpenOrderLimit.DEFAULT_MAX), expiry),
            clock);
    this.cancelOrder = new CancelOrder(orders, refunds, clock);
    this.viewOrders = new ViewOrders(orders);
    this.expireOrders = new ExpireOrders(orders, expiry, clock);
    this.applyPaymentNotice = new ApplyPaymentNotice(orders, stripe, stripe, refunds, clock);
    this.viewPayment = new ViewPayment(orders, stripe);
    this.shipOrder = new ShipOrder(orders, clock);
    this.deliverShipment = new DeliverShipment(orders, clock);
    this.applyCarrierNotice =
        new ApplyCarrierNotice(
            HmacCarrierNotices.from(given, secrets, clock), orders, deliverShipment);
    this.requestReturn =
        new RequestReturn(
            orders, config.getDuration("RETURN_WINDOW", RequestReturn.DEFAULT_WINDOW), clock);
    this.decideReturn = new DecideReturn(orders, clock);
    this.receiveReturn = new ReceiveReturn(orders, refunds, clock);
    this.issueRefund = new IssueRefund(orders, refunds, clock);
    this.settlePendingRefunds =
        new SettlePendingRefunds(
            orders,
            refunds,
            refunds,
            config.getDuration("REFUND_SWEEP_GRACE", SettlePendingRefunds.DEFAULT_GRACE),
            clock);
    this.cancelOrderAsStaff = new CancelOrderAsStaff(orders, refunds, clock);
    this.paymentEvents =
        paymentEvents(
            new CapturePayment(orders, stripe, stripe.paymentMethodOwners(), refunds, clock),
            new RejectOrder(orders, clock),
            failures,
            outbox,
            SqsDeadLetters.create(aws));
    AnonymiseCustomer anonymise = new AnonymiseCustomer(orders);
    EventHandler<UserDeleted> userDeleted =
        e -> anonymise.anonymise(new AnonymiseCustomer.Command(e.data().userId()));
    this.erasureEvents =
        new SqsEventConsumer(
            Consumers.ERASURES,
            Map.of(EventType.USER_DELETED, userDeleted),
            failures,
            outbox,
            SqsDeadLetters.create(aws));
  }

  /**
   * The "payments" queue: InventoryReserved captures the payment, InventoryRejected cancels the
   * order; what they commit to the outbox is relayed once the batch is handled.
   */
  private static SqsEventConsumer paymentEvents(
      CapturePayment capture,
      RejectOrder reject,
      FailureRecorder failures,
      OutboxRelay outbox,
      DeadLetters deadLetters) {
    EventHandler<InventoryReserved> reserved = e -> capture.capture(e.id(), e.data().orderId());
    EventHandler<InventoryRejected> rejected = e -> reject.reject(e.id(), e.data().orderId());
    return new SqsEventConsumer(
        Consumers.PAYMENTS,
        Map.of(EventType.INVENTORY_RESERVED, reserved, EventType.INVENTORY_REJECTED, rejected),
        failures,
        outbox,
        deadLetters);
  }

  /** The production wiring: JWKS verification, failures in DynamoDB, the system clock. */
  public static TransactionModule from(Config config) {
    return new TransactionModule(
        config,
        JwtVerifier.fromConfig(config),
        DynamoDbFailureRecorder.create(new AwsClients(config)),
        Clock.systemUTC());
  }

  /**
   * Applies the service's migrations, then platform's outbox and inbox tables, to {@code config}'s
   * database ({@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}, secret
   * references resolved); returns how many ran. Needs no module: the deploy runs it first.
   */
  public static int migrate(Config config) {
    return PostgresDatabase.migrate(SecretReferences.resolve(config), SERVICE);
  }

  /** The module of this Lambda container, built from the environment on first use. */
  public static TransactionModule instance() {
    TransactionModule module = instance;
    if (module == null) {
      synchronized (TransactionModule.class) {
        module = instance;
        if (module == null) {
          module = from(Config.fromEnvironment());
          instance = module;
        }
      }
    }
    return module;
  }

  /** The service's health routes: liveness, and readiness checking its store. */
  public Health health() {
    return health;
  }

  public JwtVerifier jwtVerifier() {
    return jwtVerifier;
  }

  public PlaceOrder placeOrder() {
    return placeOrder;
  }

  public CancelOrder cancelOrder() {
    return cancelOrder;
  }

  public ViewOrders viewOrders() {
    return viewOrders;
  }

  public ExpireOrders expireOrders() {
    return expireOrders;
  }

  public ApplyPaymentNotice applyPaymentNotice() {
    return applyPaymentNotice;
  }

  public ViewPayment viewPayment() {
    return viewPayment;
  }

  public ShipOrder shipOrder() {
    return shipOrder;
  }

  public DeliverShipment deliverShipment() {
    return deliverShipment;
  }

  public ApplyCarrierNotice applyCarrierNotice() {
    return applyCarrierNotice;
  }

  public RequestReturn requestReturn() {
    return requestReturn;
  }

  public DecideReturn decideReturn() {
    return decideReturn;
  }

  public ReceiveReturn receiveReturn() {
    return receiveReturn;
  }

  public IssueRefund issueRefund() {
    return issueRefund;
  }

  public SettlePendingRefunds settlePendingRefunds() {
    return settlePendingRefunds;
  }

  public CancelOrderAsStaff cancelOrderAsStaff() {
    return cancelOrderAsStaff;
  }

  public SqsEventConsumer paymentEvents() {
    return paymentEvents;
  }

  /** The "erasures" queue: a UserDeleted anonymises the customer's orders. */
  public SqsEventConsumer erasureEvents() {
    return erasureEvents;
  }

  /** The outbox relay: the entry points send what their work committed with it. */
  public OutboxRelay outbox() {
    return outbox;
  }

  /** What operators may do with this service's outbox (its outbox function). */
  public OutboxOperations outboxOperations() {
    return new OutboxOperations(outbox.store());
  }

  /**
   * The scheduled sweep: sends up to {@code max} events still due (the fast path missed them),
   * parks what keeps failing, and deletes what was sent a week ago.
   */
  public RelaySummary sweepOutbox(int max) {
    return outbox.sweep(max);
  }
}
