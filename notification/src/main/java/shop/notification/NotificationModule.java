package shop.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import shop.events.CustomerContactChanged;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.ShopEvent;
import shop.events.Subscription;
import shop.events.Topology;
import shop.events.UserDeleted;
import shop.notification.adapter.DynamoDbContactBook;
import shop.notification.adapter.DynamoDbSendLedger;
import shop.notification.adapter.MustacheTemplates;
import shop.notification.adapter.SendGridEmailSender;
import shop.notification.adapter.SesEmailSender;
import shop.notification.adapter.TwilioSmsSender;
import shop.notification.api.EventNotifications;
import shop.notification.delivery.Contact;
import shop.notification.delivery.ContactBook;
import shop.notification.delivery.EmailSender;
import shop.notification.delivery.FailoverEmailSender;
import shop.notification.delivery.ForgetCustomer;
import shop.notification.delivery.ListNotifications;
import shop.notification.delivery.NotifyCustomer;
import shop.notification.delivery.RememberContact;
import shop.notification.delivery.SendLedger;
import shop.notification.message.AccountLinks;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.Lazy;
import shop.platform.config.SecretReferences;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.events.EventHandler;
import shop.platform.events.FailureRecorder;
import shop.platform.events.SqsDeadLetters;
import shop.platform.events.SqsEventConsumer;
import shop.platform.http.Health;
import shop.platform.snapstart.Priming;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * The composition root of the notification service: builds every adapter once per cold start from
 * config. Two functions share it: the API (the delivery log) and the events handler (the senders).
 * What only the events handler uses is built on its first use, so that the API function needs no
 * provider settings or secrets (see {@link #notificationEvents()}).
 *
 * <p>Config:
 *
 * <ul>
 *   <li>{@code AWS_REGION}; optional {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code
 *       AWS_ENDPOINT_URL_SESV2} or {@code AWS_ENDPOINT_URL}, {@code AWS_ACCESS_KEY_ID} / {@code
 *       AWS_SECRET_ACCESS_KEY} (see {@link AwsClients});
 *   <li>{@code NOTIFICATIONS_TABLE}: the send ledger and delivery log ({@link NotificationTables});
 *       optional {@code NOTIFICATIONS_RETENTION} (ISO-8601 or seconds, default P90D): how long a
 *       send is remembered, so an event replayed later than that is sent again;
 *   <li>events: {@code EMAIL_PRIMARY} ({@code ses} or {@code sendgrid}), optional {@code
 *       EMAIL_SECONDARY} (the other one, or {@code none}, the default), {@code EMAIL_FROM}; for
 *       SendGrid {@code SENDGRID_API_KEY} and {@code SENDGRID_BASE_URL} (https://api.sendgrid.com);
 *       {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, {@code TWILIO_FROM} (E.164), {@code
 *       TWILIO_BASE_URL} (https://api.twilio.com); optional {@code NOTIFICATIONS_LOCALE} (BCP 47,
 *       default {@code en}) for money formats and dates; optional {@code APP_BASE_URL} (default
 *       {@value #DEFAULT_APP_BASE_URL}, the web app in development): the shop's web app, whose
 *       {@code /verify-email} and {@code /reset-password} pages the account mails link to;
 *   <li>{@code JWKS_URL}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE} (see {@link JwtVerifier}),
 *       unless a verifier is given: both functions have them, only the API verifies tokens.
 * </ul>
 *
 * <p>Failures of event messages go to the platform's failures table ({@link
 * Topology#failuresTable()}).
 */
public final class NotificationModule {
  /**
   * The events of {@link #SUBSCRIPTION} that are no message: what the service keeps about the
   * customer (their latest contact, their erasure) changes.
   */
  public static final Set<EventType> CUSTOMER_FACTS =
      Set.of(EventType.CUSTOMER_CONTACT_CHANGED, EventType.USER_DELETED);

  /** The subscription this service consumes, from the topology. */
  public static final Subscription SUBSCRIPTION =
      Topology.shop()
          .subscription("notifications")
          .orElseThrow(() -> new IllegalStateException("no notifications subscription"));

  /** Where the account mails' links point unless {@code APP_BASE_URL} says otherwise. */
  public static final String DEFAULT_APP_BASE_URL = "http://localhost:3000";

  private static volatile NotificationModule instance;

  private final Config config;
  private final AwsClients aws;
  private final Clock clock;
  private final SendLedger ledger;
  private final ContactBook contacts;
  private final JwtVerifier jwtVerifier;
  private final Health health;
  private final FailureRecorder failureRecorder;
  private final ListNotifications listNotifications;
  private final EventNotifications eventNotifications;
  // Only the events function builds these, on its handler's construction: the API function has
  // neither the provider settings nor their secrets, and would otherwise also compile every event
  // schema (the consumer's codec) at its cold start for nothing.
  private final Supplier<NotifyCustomer> notifyCustomer = Lazy.of(this::newNotifyCustomer);
  private final Supplier<SqsEventConsumer> notificationEvents =
      Lazy.of(this::newNotificationEvents);
  // Held here: Priming keeps a primer only as long as its owner does. Set with the consumer.
  private Priming.Primer primer;

  public NotificationModule(Config config) {
    this(config, null);
  }

  /** With {@code jwtVerifier} instead of one from config (tests, the local cloud); may be null. */
  public NotificationModule(Config config, JwtVerifier jwtVerifier) {
    this.config = config;
    this.aws = new AwsClients(config);
    this.clock = Clock.systemUTC();
    DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
    String notificationsTable = config.require("NOTIFICATIONS_TABLE");
    this.health =
        new Health(
            "notification",
            Map.of(
                "notifications-table",
                () -> dynamo.describeTable(r -> r.tableName(notificationsTable))));
    this.ledger =
        new DynamoDbSendLedger(
            dynamo,
            config.require("NOTIFICATIONS_TABLE"),
            config.getDuration("NOTIFICATIONS_RETENTION", Duration.ofDays(90)));
    this.contacts = new DynamoDbContactBook(dynamo, config.require("NOTIFICATIONS_TABLE"));
    // The keys are fetched on the first token, not here.
    this.jwtVerifier = jwtVerifier != null ? jwtVerifier : JwtVerifier.fromConfig(config);
    this.failureRecorder = new DynamoDbFailureRecorder(dynamo, Topology.shop().failuresTable());
    this.listNotifications = new ListNotifications(ledger);
    this.eventNotifications =
        new EventNotifications(
            Locale.forLanguageTag(config.get("NOTIFICATIONS_LOCALE", "en")),
            new AccountLinks(config.get("APP_BASE_URL", DEFAULT_APP_BASE_URL)));
  }

  /** The module of this Lambda instance, from the environment; built on first use. */
  public static NotificationModule instance() {
    NotificationModule module = instance;
    if (module == null) {
      synchronized (NotificationModule.class) {
        module = instance;
        if (module == null) {
          module = new NotificationModule(Config.fromEnvironment());
          instance = module;
        }
      }
    }
    return module;
  }

  /** Tells a customer about an event; built on first use, with the provider settings. */
  public NotifyCustomer notifyCustomer() {
    return notifyCustomer.get();
  }

  public ListNotifications listNotifications() {
    return listNotifications;
  }

  /** The service's health routes: liveness, and readiness checking its store. */
  public Health health() {
    return health;
  }

  public JwtVerifier jwtVerifier() {
    return jwtVerifier;
  }

  /**
   * The consumer of queue {@code notifications}: every subscribed event (as the topology lists
   * them) becomes its notification ({@link EventNotifications}), told by {@link NotifyCustomer}.
   * Built on first use (see the fields).
   */
  public SqsEventConsumer notificationEvents() {
    return notificationEvents.get();
  }

  private SqsEventConsumer newNotificationEvents() {
    NotifyCustomer notify = notifyCustomer();
    EventHandler<ShopEvent> tell = event -> notify.handle(eventNotifications.of(event));
    Map<EventType, EventHandler<?>> handlers = new EnumMap<>(EventType.class);
    SUBSCRIPTION.events().stream()
        .filter(type -> !CUSTOMER_FACTS.contains(type))
        .forEach(type -> handlers.put(type, tell));
    RememberContact remember = new RememberContact(contacts);
    EventHandler<CustomerContactChanged> contactChanged =
        event -> remember.remember(rememberCommand(event));
    handlers.put(EventType.CUSTOMER_CONTACT_CHANGED, contactChanged);
    ForgetCustomer forget = new ForgetCustomer(contacts, ledger);
    EventHandler<UserDeleted> userDeleted =
        event -> forget.forget(new ForgetCustomer.Command(event.data().userId(), event.sequence()));
    handlers.put(EventType.USER_DELETED, userDeleted);
    return new SqsEventConsumer(
        SUBSCRIPTION.consumer(), handlers, failureRecorder, SqsDeadLetters.create(aws));
  }

  private static RememberContact.Command rememberCommand(
      EventEnvelope<CustomerContactChanged> event) {
    CustomerContactChanged c = event.data();
    return new RememberContact.Command(
        c.userId(), new Contact(c.email(), c.name(), c.phone(), c.smsOptIn()), event.sequence());
  }

  private NotifyCustomer newNotifyCustomer() {
    // The provider keys are read here (Secrets Manager references resolved), by the events
    // function only.
    Config config =
        SecretReferences.resolve(
            this.config, () -> aws.build(SecretsManagerClient.builder(), "SECRETS_MANAGER"));
    String primaryName = config.require("EMAIL_PRIMARY");
    Optional<String> secondaryName =
        config.optional("EMAIL_SECONDARY").filter(name -> !name.equalsIgnoreCase("none"));
    if (secondaryName.filter(primaryName::equalsIgnoreCase).isPresent()) {
      throw new IllegalArgumentException(
          "EMAIL_SECONDARY must differ from EMAIL_PRIMARY (" + primaryName + ") or be none");
    }
    EmailSender primary = emailSender(primaryName, config);
    Optional<EmailSender> secondary = secondaryName.map(name -> emailSender(name, config));
    MustacheTemplates templates = new MustacheTemplates();
    // A claim outlives any run of the handler (whose timeout is below the visibility timeout), so
    // two deliveries never send at once; see DynamoDbIdempotencyLedger.
    Duration lease = Duration.ofSeconds(SUBSCRIPTION.visibilityTimeoutSeconds());
    Optional<SesEmailSender> ses =
        Stream.concat(Stream.of(primary), secondary.stream())
            .filter(SesEmailSender.class::isInstance)
            .map(SesEmailSender.class::cast)
            .findFirst();
    this.primer =
        new NotificationPrimer(eventNotifications, templates, contacts, ledger, ses, clock, lease)
            .register();
    var twilio =
        TwilioSmsSender.client(
            config.require("TWILIO_ACCOUNT_SID"),
            config.require("TWILIO_AUTH_TOKEN"),
            config.require("TWILIO_BASE_URL"));
    return new NotifyCustomer(
        templates,
        new FailoverEmailSender(primary, secondary),
        new TwilioSmsSender(twilio, config.require("TWILIO_FROM")),
        ledger,
        contacts,
        clock,
        lease);
  }

  /**
   * SES with one retry and a 10-second budget: when SES is unwell the secondary provider is the
   * better retry, sooner.
   */
  private static SesV2ClientBuilder sesClient() {
    return SesV2Client.builder()
        .overrideConfiguration(
            o ->
                o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build())
                    .apiCallTimeout(Duration.ofSeconds(10)));
  }

  private EmailSender emailSender(String provider, Config config) {
    String from = config.require("EMAIL_FROM");
    return switch (provider.toLowerCase(Locale.ROOT)) {
      case "ses" -> new SesEmailSender(aws.build(sesClient(), "SESV2"), from);
      case "sendgrid" ->
          new SendGridEmailSender(
              SendGridEmailSender.client(
                  config.require("SENDGRID_API_KEY"), config.require("SENDGRID_BASE_URL")),
              from);
      default ->
          throw new IllegalArgumentException(
              "EMAIL_PRIMARY / EMAIL_SECONDARY must be ses, sendgrid or none, not " + provider);
    };
  }
}
