package shop.user;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.OrderCreated;
import shop.platform.auth.JwtVerifier;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.config.Lazy;
import shop.platform.config.SecretCache;
import shop.platform.config.SecretReferences;
import shop.platform.config.SecretShape;
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
import shop.user.account.ConfirmTotp;
import shop.user.account.GrantRole;
import shop.user.account.OpenAdminAccount;
import shop.user.account.PasswordHasher;
import shop.user.account.PasswordPolicy;
import shop.user.account.RegisterUser;
import shop.user.account.ResendEmailVerification;
import shop.user.account.RevokeRole;
import shop.user.account.SecondFactor;
import shop.user.account.SeedAdmin;
import shop.user.account.SendEmailVerification;
import shop.user.account.VerifyEmail;
import shop.user.adapter.AesGcmSecretBox;
import shop.user.adapter.Argon2Passwords;
import shop.user.adapter.LoggedSecurityEvents;
import shop.user.adapter.PostgresAccountMail;
import shop.user.adapter.PostgresAddresses;
import shop.user.adapter.PostgresCarts;
import shop.user.adapter.PostgresOneTimeTokens;
import shop.user.adapter.PostgresPaymentMethods;
import shop.user.adapter.PostgresSessions;
import shop.user.adapter.PostgresSourceAttempts;
import shop.user.adapter.PostgresTotpFactors;
import shop.user.adapter.PostgresUsers;
import shop.user.adapter.Rfc6238Codes;
import shop.user.adapter.RsaTokenSigner;
import shop.user.adapter.SecretsManagerSigningKeys;
import shop.user.adapter.StripeCustomers;
import shop.user.adapter.ZxcvbnStrength;
import shop.user.address.AddAddress;
import shop.user.address.ChangeAddress;
import shop.user.address.ListAddresses;
import shop.user.address.MakeDefaultAddress;
import shop.user.address.RemoveAddress;
import shop.user.address.ViewAddress;
import shop.user.auth.ChangePassword;
import shop.user.auth.DeleteAccount;
import shop.user.auth.EnrolTotp;
import shop.user.auth.Lockout;
import shop.user.auth.LogIn;
import shop.user.auth.LogOut;
import shop.user.auth.PublishSigningKeys;
import shop.user.auth.RefreshSession;
import shop.user.auth.RequestPasswordReset;
import shop.user.auth.ResetPassword;
import shop.user.auth.SessionIssuer;
import shop.user.auth.SessionLimits;
import shop.user.auth.SourceThrottle;
import shop.user.cart.CartItem;
import shop.user.cart.ClearCart;
import shop.user.cart.PutCartItem;
import shop.user.cart.RemoveCartItem;
import shop.user.cart.RemoveOrderedItems;
import shop.user.cart.ViewCart;
import shop.user.payment.AddPaymentMethod;
import shop.user.payment.ListPaymentMethods;
import shop.user.payment.MakeDefaultPaymentMethod;
import shop.user.payment.RemovePaymentMethod;
import shop.user.profile.ExportAccount;
import shop.user.profile.UpdateProfile;
import shop.user.profile.ViewProfile;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The user service's composition root: every adapter and use case, built once per cold start.
 * Nothing connects here: the database pool, Secrets Manager and Stripe are reached on first use.
 *
 * <p>Configuration:
 *
 * <ul>
 *   <li>{@code DATABASE_URL} ({@code jdbc:postgresql://host:5432/db}), {@code DATABASE_USER};
 *       optional {@code DATABASE_PASSWORD} and {@code DATABASE_POOL_SIZE} (see {@link
 *       PostgresDatabase}). The pool holds {@value PostgresDatabase#DEFAULT_POOL_SIZE} connections
 *       by default (2 before the service used the platform's pool): the carts consumer handles the
 *       messages of a batch at the same time
 *   <li>{@code JWT_ISSUER}, {@code JWT_AUDIENCE}: the {@code iss} and {@code aud} of the tokens
 *   <li>{@code JWT_SIGNING_SECRET_ID}: the Secrets Manager secret holding the signing keys (format
 *       in {@link shop.user.adapter.SigningKeyRing}); optional {@code JWT_KEYS_CACHE} (default
 *       PT5M)
 *   <li>{@code STRIPE_API_KEY} (a secret or restricted key, read again every {@code SECRETS_TTL},
 *       default PT5M, and after a SnapStart restore); optional {@code STRIPE_API_BASE} (default
 *       {@code https://api.stripe.com}; the sandbox locally)
 *   <li>{@code AWS_REGION}; optional {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, {@code
 *       AWS_ENDPOINT_URL_EVENTBRIDGE}, {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code
 *       AWS_ENDPOINT_URL}, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (see {@link
 *       AwsClients})
 *   <li>optional {@code PASSWORD_ARGON2_MEMORY_KIB} (default 19456) and {@code
 *       PASSWORD_ARGON2_ITERATIONS} (default 2): the cost of new hashes; older hashes still verify
 *       and are rehashed at the next login
 *   <li>optional lockout per account ({@link Lockout}): {@code LOGIN_MAX_FAILURES} (default 5
 *       failures in a row), {@code LOGIN_FIRST_LOCK} (PT1M, doubling with each further failure up
 *       to {@code LOGIN_LONGEST_LOCK}, PT1H), {@code LOGIN_FORGET_FAILURES_AFTER} (P1D)
 *   <li>optional throttle per source address on the routes that take a password or a one-time token
 *       ({@link SourceThrottle}): {@code AUTH_ATTEMPTS_PER_SOURCE} (default {@value
 *       #DEFAULT_ATTEMPTS_PER_SOURCE}) per {@code AUTH_SOURCE_WINDOW} (PT1M): room for the local
 *       demo, the test suites and a developer's scripts from one address; the load benchmark's
 *       logins need more
 *   <li>optional {@code VERIFICATION_RESEND_INTERVAL} (default PT5M): the least time between two
 *       address confirmation mails of one account ({@link ResendEmailVerification})
 *   <li>{@code TOTP_ENCRYPTION_KEY} (a random secret of 32 characters or more, normally a {@code
 *       secretsmanager:} reference) for the functions that enrol or check TOTP (the API, the seed):
 *       TOTP secrets are stored sealed with AES-256-GCM under it ({@link AesGcmSecretBox})
 *   <li>optional {@code TOTP_ISSUER} (default {@code Shop}): the name authenticator apps show
 *       beside an enrolled account's codes
 *   <li>optional session limits ({@link SessionLimits}): {@code SESSION_LIFETIME} (P30D from the
 *       login) and {@code SESSION_IDLE_TIMEOUT} (P7D without a refresh)
 *   <li>optional outbox relay tuning: {@code OUTBOX_MAX_ATTEMPTS}, {@code OUTBOX_BASE_DELAY},
 *       {@code OUTBOX_MAX_DELAY}, {@code OUTBOX_CLAIM_TIMEOUT} (see {@link RelayPolicy})
 * </ul>
 */
public final class UserModule implements AutoCloseable {
  public static final int DEFAULT_ATTEMPTS_PER_SOURCE = 300;
  private static volatile UserModule instance;

  private final PostgresDatabase database;
  private final PostgresUsers users;
  private final Clock clock;
  private final PasswordPolicy passwordPolicy;
  private final OutboxRelay outbox;
  // Lazy: only the carts consumer ever records a failure, and building a DynamoDB client would add
  // to the cold start of every other function of the service (the API, the sweep, the seed).
  private final Supplier<FailureRecorder> failureRecorder;
  private final SqsEventConsumer cartEvents;
  private final JwtVerifier jwtVerifier;
  private final Health health;

  private final SourceThrottle sourceThrottle;
  private final RegisterUser registerUser;
  private final VerifyEmail verifyEmail;
  private final ResendEmailVerification resendEmailVerification;
  private final ChangePassword changePassword;
  private final DeleteAccount deleteAccount;
  private final RequestPasswordReset requestPasswordReset;
  private final ResetPassword resetPassword;
  private final SeedAdmin seedAdmin;
  private final GrantRole grantRole;
  private final PostgresTotpFactors totpFactors;
  private final EnrolTotp enrolTotp;
  private final ConfirmTotp confirmTotp;
  private final RevokeRole revokeRole;
  private final LogIn logIn;
  private final RefreshSession refreshSession;
  private final LogOut logOut;
  private final PublishSigningKeys publishSigningKeys;
  private final String issuer;
  private final ViewProfile viewProfile;
  private final UpdateProfile updateProfile;
  private final ExportAccount exportAccount;
  private final ListAddresses listAddresses;
  private final ViewAddress viewAddress;
  private final AddAddress addAddress;
  private final ChangeAddress changeAddress;
  private final RemoveAddress removeAddress;
  private final MakeDefaultAddress makeDefaultAddress;
  private final ListPaymentMethods listPaymentMethods;
  private final AddPaymentMethod addPaymentMethod;
  private final RemovePaymentMethod removePaymentMethod;
  private final MakeDefaultPaymentMethod makeDefaultPaymentMethod;
  private final ViewCart viewCart;
  private final PutCartItem putCartItem;
  private final RemoveCartItem removeCartItem;
  private final ClearCart clearCart;
  private final RemoveOrderedItems removeOrderedItems;

  public UserModule(Config config) {
    this(config, Clock.systemUTC());
  }

  public UserModule(Config config, Clock clock) {
    this(config, clock, null);
  }

  /**
   * With what tests replace: the password hasher (null: Argon2id at the configured cost), wrapped
   * by tests that count hashes.
   */
  public UserModule(Config given, Clock clock, PasswordHasher hasher) {
    SecretCache secretCache = SecretCache.from(given);
    Config config = secretCache.resolve(given);
    AwsClients aws = new AwsClients(config);
    database = PostgresDatabase.pooled(given, secretCache);
    this.health =
        new Health("user", Map.of("database", () -> database.query("SELECT 1", row -> 1))).primed();
    outbox =
        new OutboxRelay(
            new PostgresOutboxStore(database),
            EventBridgeBus.create(aws),
            RelayPolicy.from(config));
    failureRecorder = Lazy.of(() -> DynamoDbFailureRecorder.create(aws));

    String secretId = config.require("JWT_SIGNING_SECRET_ID");
    Supplier<SecretsManagerClient> secrets =
        Lazy.of(() -> aws.build(SecretsManagerClient.builder(), "SECRETS_MANAGER"));
    SecretsManagerSigningKeys keys =
        new SecretsManagerSigningKeys(
            secrets, secretId, config.getDuration("JWT_KEYS_CACHE", Duration.ofMinutes(5)), clock);
    issuer = config.require("JWT_ISSUER");
    String audience = config.require("JWT_AUDIENCE");
    RsaTokenSigner signer = RsaTokenSigner.of(keys, issuer, audience);
    jwtVerifier = new JwtVerifier(signer::publicKey, issuer, audience);

    PasswordHasher passwords =
        hasher != null
            ? hasher
            : new Argon2Passwords(
                config.getInt("PASSWORD_ARGON2_MEMORY_KIB", Argon2Passwords.DEFAULT_MEMORY_KIB),
                config.getInt("PASSWORD_ARGON2_ITERATIONS", Argon2Passwords.DEFAULT_ITERATIONS));
    var stripe =
        StripeCustomers.create(
            secretCache.live(given, "STRIPE_API_KEY", SecretShape.STRIPE_API_KEY),
            config.get("STRIPE_API_BASE", "https://api.stripe.com"));

    this.clock = clock;
    var outboxWriter = new OutboxWriter();
    users = new PostgresUsers(database, outboxWriter, clock);
    Lockout lockout = lockout(config);
    var sessions = new PostgresSessions(database, lockout);
    var tokens = new PostgresOneTimeTokens(database);
    // Account mail is an event for notification, written with its token (AccountMail).
    var mail = new PostgresAccountMail(database, outboxWriter, clock);
    var addresses = new PostgresAddresses(database);
    var methods = new PostgresPaymentMethods(database);
    var carts = new PostgresCarts(database, new PostgresInbox());
    var security = new LoggedSecurityEvents();
    // Read on the first TOTP secret sealed or opened: functions that never touch one need no key.
    totpFactors =
        new PostgresTotpFactors(
            database, new AesGcmSecretBox(() -> config.require("TOTP_ENCRYPTION_KEY")));
    var totpCodes = new Rfc6238Codes(config.get("TOTP_ISSUER", "Shop"));
    var secondFactor = new SecondFactor(totpFactors, totpCodes, clock);
    passwordPolicy = new PasswordPolicy(new ZxcvbnStrength());
    var sessionIssuer = new SessionIssuer(signer, sessions, sessionLimits(config), clock);

    sourceThrottle =
        new SourceThrottle(
            new PostgresSourceAttempts(database),
            config.getInt("AUTH_ATTEMPTS_PER_SOURCE", DEFAULT_ATTEMPTS_PER_SOURCE),
            config.getDuration("AUTH_SOURCE_WINDOW", Duration.ofMinutes(1)),
            clock);
    registerUser =
        new RegisterUser(
            users, passwords, passwordPolicy, new SendEmailVerification(mail, clock), mail, clock);
    verifyEmail = new VerifyEmail(users, tokens, clock);
    resendEmailVerification =
        new ResendEmailVerification(
            users,
            new SendEmailVerification(mail, clock),
            config.getDuration("VERIFICATION_RESEND_INTERVAL", Duration.ofMinutes(5)),
            clock);
    changePassword =
        new ChangePassword(
            users, passwords, passwordPolicy, sessions, sessions, sessionIssuer, security);
    deleteAccount = new DeleteAccount(users, passwords, sessions, stripe, security, clock);
    requestPasswordReset = new RequestPasswordReset(users, mail, security, clock);
    resetPassword =
        new ResetPassword(
            users, passwords, passwordPolicy, tokens, sessions, sessions, sessionIssuer, security);
    grantRole = new GrantRole(users, secondFactor, security);
    enrolTotp = new EnrolTotp(users, passwords, sessions, totpFactors, totpCodes, security, clock);
    confirmTotp = new ConfirmTotp(totpFactors, totpCodes, security, clock);
    seedAdmin = new SeedAdmin(users, grantRole);
    revokeRole = new RevokeRole(users, sessions, security, clock);
    logIn = new LogIn(users, passwords, sessions, lockout, secondFactor, sessionIssuer, security);
    refreshSession = new RefreshSession(users, sessions, sessionIssuer, security);
    logOut = new LogOut(sessions, clock);
    publishSigningKeys = new PublishSigningKeys(signer);
    viewProfile = new ViewProfile(users);
    updateProfile = new UpdateProfile(users);
    exportAccount = new ExportAccount(users, addresses, methods, carts, clock);
    listAddresses = new ListAddresses(addresses);
    viewAddress = new ViewAddress(addresses);
    addAddress = new AddAddress(addresses, clock);
    changeAddress = new ChangeAddress(addresses);
    removeAddress = new RemoveAddress(addresses);
    makeDefaultAddress = new MakeDefaultAddress(addresses);
    listPaymentMethods = new ListPaymentMethods(methods);
    addPaymentMethod = new AddPaymentMethod(users, methods, stripe, clock);
    removePaymentMethod = new RemovePaymentMethod(methods, stripe);
    makeDefaultPaymentMethod = new MakeDefaultPaymentMethod(methods);
    viewCart = new ViewCart(carts);
    putCartItem = new PutCartItem(carts, clock);
    removeCartItem = new RemoveCartItem(carts);
    clearCart = new ClearCart(carts);
    removeOrderedItems = new RemoveOrderedItems(carts, clock);

    EventHandler<OrderCreated> orderCreated = this::removeOrdered;
    cartEvents =
        new SqsEventConsumer(
            PostgresCarts.CONSUMER,
            Map.of(EventType.ORDER_CREATED, orderCreated),
            failureRecorder(),
            outbox,
            SqsDeadLetters.create(aws));
  }

  private static Lockout lockout(Config config) {
    Lockout d = Lockout.DEFAULT;
    return new Lockout(
        config.getInt("LOGIN_MAX_FAILURES", d.maxFailures()),
        config.getDuration("LOGIN_FIRST_LOCK", d.firstLock()),
        config.getDuration("LOGIN_LONGEST_LOCK", d.longestLock()),
        config.getDuration("LOGIN_FORGET_FAILURES_AFTER", d.forgetAfter()));
  }

  private static SessionLimits sessionLimits(Config config) {
    SessionLimits d = SessionLimits.DEFAULT;
    return new SessionLimits(
        d.accessToken(),
        config.getDuration("SESSION_LIFETIME", d.lifetime()),
        config.getDuration("SESSION_IDLE_TIMEOUT", d.idleTimeout()));
  }

  /** The module of this Lambda instance, built from the environment on first use. */
  public static UserModule instance() {
    UserModule module = instance;
    if (module == null) {
      synchronized (UserModule.class) {
        module = instance;
        if (module == null) {
          module = new UserModule(Config.fromEnvironment());
          instance = module;
        }
      }
    }
    return module;
  }

  /**
   * Brings the user database to the current schema: {@code db/user}, then the platform's outbox and
   * inbox tables; returns how many migrations ran. Needs only the {@code DATABASE_*} settings.
   */
  public static int migrate(Config config) {
    return PostgresDatabase.migrate(SecretReferences.resolve(config), "user");
  }

  // The cart never holds more than MAX_QUANTITY of a product; an order of more empties the line.
  private void removeOrdered(EventEnvelope<OrderCreated> event) {
    OrderCreated order = event.data();
    List<CartItem> ordered =
        order.lines().stream()
            .map(l -> new CartItem(l.productId(), Math.min(l.quantity(), CartItem.MAX_QUANTITY)))
            .toList();
    removeOrderedItems.remove(
        new RemoveOrderedItems.Command(event.id(), UUID.fromString(order.userId()), ordered));
  }

  /** The service's health routes: liveness, and readiness checking its store. */
  public Health health() {
    return health;
  }

  public JwtVerifier jwtVerifier() {
    return jwtVerifier;
  }

  /** The outbox relay: entry points send with it what their work committed. */
  public OutboxRelay outbox() {
    return outbox;
  }

  /** What operators may do with this service's outbox (its outbox function). */
  public OutboxOperations outboxOperations() {
    return new OutboxOperations(outbox.store());
  }

  /**
   * The scheduled sweep: sends up to {@code max} entries still due, parks what keeps failing and
   * deletes what was sent a week ago.
   */
  public RelaySummary sweepOutbox(int max) {
    return outbox.sweep(max);
  }

  /** The carts queue's consumer: an OrderCreated takes the ordered items out of the cart. */
  public SqsEventConsumer cartEvents() {
    return cartEvents;
  }

  public FailureRecorder failureRecorder() {
    return failure -> failureRecorder.get().record(failure);
  }

  /**
   * The scheduled housekeeping beside the outbox sweep: forgets the source addresses whose throttle
   * window has ended; returns how many.
   */
  public int pruneSourceAttempts() {
    return sourceThrottle.prune();
  }

  /** The throttle per source address of the routes that take a password or one-time token. */
  public SourceThrottle sourceThrottle() {
    return sourceThrottle;
  }

  public RegisterUser registerUser() {
    return registerUser;
  }

  public VerifyEmail verifyEmail() {
    return verifyEmail;
  }

  public ResendEmailVerification resendEmailVerification() {
    return resendEmailVerification;
  }

  public ChangePassword changePassword() {
    return changePassword;
  }

  public DeleteAccount deleteAccount() {
    return deleteAccount;
  }

  public RequestPasswordReset requestPasswordReset() {
    return requestPasswordReset;
  }

  public ResetPassword resetPassword() {
    return resetPassword;
  }

  /**
   * For operators (the seed-admin function): gives a verified account with TOTP every staff role,
   * by id.
   */
  public SeedAdmin seedAdmin() {
    return seedAdmin;
  }

  /**
   * For the local cloud's start-up: opens its demo admin, verified, hashing the password with
   * {@code passwords}: the demo admin's password is printed at every start, so a low cost spares a
   * second of every start and protects nothing less. The hash records its cost, so logins verify at
   * that cost.
   */
  public OpenAdminAccount openAdminAccount(PasswordHasher passwords) {
    return new OpenAdminAccount(users, passwords, passwordPolicy, totpFactors, clock);
  }

  public EnrolTotp enrolTotp() {
    return enrolTotp;
  }

  public ConfirmTotp confirmTotp() {
    return confirmTotp;
  }

  public GrantRole grantRole() {
    return grantRole;
  }

  public RevokeRole revokeRole() {
    return revokeRole;
  }

  public LogIn logIn() {
    return logIn;
  }

  public RefreshSession refreshSession() {
    return refreshSession;
  }

  public LogOut logOut() {
    return logOut;
  }

  public PublishSigningKeys publishSigningKeys() {
    return publishSigningKeys;
  }

  /** The {@code iss} of the tokens this service signs: where verifiers discover its keys. */
  public String issuer() {
    return issuer;
  }

  public ViewProfile viewProfile() {
    return viewProfile;
  }

  public ExportAccount exportAccount() {
    return exportAccount;
  }

  public UpdateProfile updateProfile() {
    return updateProfile;
  }

  public ListAddresses listAddresses() {
    return listAddresses;
  }

  public ViewAddress viewAddress() {
    return viewAddress;
  }

  public AddAddress addAddress() {
    return addAddress;
  }

  public ChangeAddress changeAddress() {
    return changeAddress;
  }

  public RemoveAddress removeAddress() {
    return removeAddress;
  }

  public MakeDefaultAddress makeDefaultAddress() {
    return makeDefaultAddress;
  }

  public ListPaymentMethods listPaymentMethods() {
    return listPaymentMethods;
  }

  public AddPaymentMethod addPaymentMethod() {
    return addPaymentMethod;
  }

  public RemovePaymentMethod removePaymentMethod() {
    return removePaymentMethod;
  }

  public MakeDefaultPaymentMethod makeDefaultPaymentMethod() {
    return makeDefaultPaymentMethod;
  }

  public ViewCart viewCart() {
    return viewCart;
  }

  public PutCartItem putCartItem() {
    return putCartItem;
  }

  public RemoveCartItem removeCartItem() {
    return removeCartItem;
  }

  public ClearCart clearCart() {
    return clearCart;
  }

  public RemoveOrderedItems removeOrderedItems() {
    return removeOrderedItems;
  }

  /** Closes the database pool (tests and the local cloud; a Lambda instance just ends). */
  @Override
  public void close() {
    database.close();
  }
}
