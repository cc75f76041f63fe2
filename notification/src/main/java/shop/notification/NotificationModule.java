package shop.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import shop.events.Subscription;
import shop.events.Topology;
import shop.notification.adapter.DynamoDbSendLedger;
import shop.notification.adapter.MustacheTemplates;
import shop.notification.adapter.SendGridEmailSender;
import shop.notification.adapter.SesEmailSender;
import shop.notification.adapter.TwilioSmsSender;
import shop.notification.api.EventNotifications;
import shop.notification.delivery.EmailSender;
import shop.notification.delivery.FailoverEmailSender;
import shop.notification.delivery.ListNotifications;
import shop.notification.delivery.NotifyCustomer;
import shop.notification.delivery.SendLedger;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.events.FailureRecorder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * The composition root of the notification service: builds every adapter once per cold start from
 * config. Each Lambda builds only what its handler uses (the events handler the senders, the API
 * the JWT verifier), so the API function needs no provider secrets.
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
 *       default {@code en}) for money formats;
 *   <li>API: {@code JWKS_URL}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE} (see {@link JwtVerifier}).
 * </ul>
 *
 * <p>Failures of event messages go to the platform's failures table ({@link
 * Topology#failuresTable()}).
 */
public final class NotificationModule {
  /** The subscription this service consumes, from the topology. */
  public static final Subscription SUBSCRIPTION =
      Topology.shop()
          .subscription("notifications")
          .orElseThrow(() -> new IllegalStateException("no notifications subscription"));

  private static NotificationModule instance;

  private final Config config;
  private final AwsClients aws;
  private final Clock clock;
  private final DynamoDbClient dynamo;
  private final SendLedger ledger;
  private JwtVerifier jwtVerifier;
  private NotifyCustomer notifyCustomer;
  private FailureRecorder failureRecorder;

  public NotificationModule(Config config) {
    this(config, null);
  }

  /** With {@code jwtVerifier} instead of one from config (tests, the local cloud); may be null. */
  public NotificationModule(Config config, JwtVerifier jwtVerifier) {
    this.config = config;
    this.aws = new AwsClients(config);
    this.clock = Clock.systemUTC();
    this.jwtVerifier = jwtVerifier;
    this.dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
    this.ledger =
        new DynamoDbSendLedger(
            dynamo,
            config.require("NOTIFICATIONS_TABLE"),
            config.getDuration("NOTIFICATIONS_RETENTION", Duration.ofDays(90)));
  }

  /** The module of this Lambda, from the environment; built on first use. */
  public static synchronized NotificationModule instance() {
    if (instance == null) {
      instance = new NotificationModule(Config.fromEnvironment());
    }
    return instance;
  }

  public synchronized NotifyCustomer notifyCustomer() {
    if (notifyCustomer == null) {
      // The provider keys are read here, on the first event, not at cold start.
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
      var twilio =
          TwilioSmsSender.client(
              config.require("TWILIO_ACCOUNT_SID"),
              config.require("TWILIO_AUTH_TOKEN"),
              config.require("TWILIO_BASE_URL"));
      notifyCustomer =
          new NotifyCustomer(
              new MustacheTemplates(),
              new FailoverEmailSender(primary, secondary),
              new TwilioSmsSender(twilio, config.require("TWILIO_FROM")),
              ledger,
              clock,
              // A claim outlives any run of the handler (whose timeout is below the visibility
              // timeout), so two deliveries never send at once; see DynamoDbIdempotencyLedger.
              Duration.ofSeconds(SUBSCRIPTION.visibilityTimeoutSeconds()));
    }
    return notifyCustomer;
  }

  public EventNotifications eventNotifications() {
    return new EventNotifications(Locale.forLanguageTag(config.get("NOTIFICATIONS_LOCALE", "en")));
  }

  public synchronized FailureRecorder failureRecorder() {
    if (failureRecorder == null) {
      failureRecorder = new DynamoDbFailureRecorder(dynamo, Topology.shop().failuresTable());
    }
    return failureRecorder;
  }

  public ListNotifications listNotifications() {
    return new ListNotifications(ledger);
  }

  public synchronized JwtVerifier jwtVerifier() {
    if (jwtVerifier == null) {
      jwtVerifier = JwtVerifier.fromConfig(config);
    }
    return jwtVerifier;
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
