package shop.infra;

import java.util.List;
import shop.events.Topology;
import shop.notification.NotificationTables;
import shop.ops.adapter.DynamoDbAuditLog;
import shop.ops.adapter.DynamoDbOrderTrails;
import shop.platform.events.DynamoDbFailureRecorder;
import shop.platform.idempotency.DynamoDbIdempotencyLedger;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizerType;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Match;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What every service shares: the event bus and its archive, the platform's DynamoDB tables and the
 * services' own tables, the product image bucket, the third-party secrets, the alarm topic, and the
 * one HTTP API with its JWT authorizer. Service stacks add their routes to the API; its stage is
 * {@link ApiStageStack}, deployed after them.
 */
public final class SharedStack extends Stack {
  /** Where API Gateway and the services find the issuer's keys (the user service serves it). */
  static final String JWKS_PATH = "/.well-known/jwks.json";

  /**
   * The one field of a secret the operator has not written yet: a random value no service reads.
   */
  static final String UNSET_FIELD = "unset";

  private final EventBus bus;
  private final Archive archive;
  private final Table failures;
  private final Table idempotency;
  private final Table notifications;
  private final Table audit;
  private final Table trail;
  private final Bucket images;
  private final Distribution imageCdn;
  private final Secret jwtSigningKeys;
  private final Secret totpKey;
  private final Secret stripeTransaction;
  private final Secret stripeUser;
  private final Secret sendGrid;
  private final Secret twilio;
  private final Secret carrier;
  private final Secret mongoDb;
  private final Topic alarms;
  private final HttpApi api;
  private final HttpAuthorizer jwtAuthorizer;
  private final DeploymentConfig config;

  SharedStack(Construct scope, String id, StackProps props, DeploymentConfig config) {
    super(scope, id, props);
    this.config = config;
    Topology topology = Topology.shop();

    bus = EventBus.Builder.create(this, "Bus").eventBusName(topology.busName()).build();
    archive =
        bus.archive(
            "Archive",
            software.amazon.awscdk.services.events.BaseArchiveProps.builder()
                .archiveName(topology.archiveName())
                .description("Every shop event, for replay (./shop ops)")
                .eventPattern(EventPattern.builder().source(Match.prefix("shop.")).build())
                .retention(Duration.days(config.archiveRetentionDays()))
                .build());

    failures =
        table(
            "FailuresTable",
            topology.failuresTable(),
            DynamoDbFailureRecorder.PARTITION_KEY,
            DynamoDbFailureRecorder.SORT_KEY,
            DynamoDbFailureRecorder.TTL_ATTRIBUTE);
    idempotency =
        table(
            "IdempotencyTable",
            topology.idempotencyTable(),
            DynamoDbIdempotencyLedger.PARTITION_KEY,
            null,
            DynamoDbIdempotencyLedger.TTL_ATTRIBUTE);
    NotificationTables.Table deliveries =
        NotificationTables.deliveries(NotificationTables.DEFAULT_NAME);
    notifications =
        table(
            "NotificationsTable",
            deliveries.name(),
            deliveries.partitionKey().name(),
            deliveries.sortKey().name(),
            deliveries.ttlAttribute());
    for (NotificationTables.Index index : deliveries.indexes()) {
      notifications.addGlobalSecondaryIndex(
          GlobalSecondaryIndexProps.builder()
              .indexName(index.name())
              .partitionKey(attribute(index.partitionKey()))
              .sortKey(attribute(index.sortKey()))
              .projectionType(ProjectionType.ALL)
              .build());
    }
    // The audit log is kept: no TTL. It is append-only: its own policy denies changing or deleting
    // an entry to every principal (a Deny wins over any role's Allow), so not even the ops
    // function, which writes it, can rewrite what an operator did.
    audit = table("AuditTable", DynamoDbAuditLog.TABLE, "pk", "sk", null, appendOnly());
    trail =
        table(
            "OrderTrailTable",
            DynamoDbOrderTrails.TABLE,
            "pk",
            "sk",
            DynamoDbOrderTrails.TTL_ATTRIBUTE);

    images =
        Bucket.Builder.create(this, "ProductImages")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .cors(
                List.of(
                    CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT))
                        .allowedOrigins(config.corsOrigins())
                        .allowedHeaders(List.of("Content-Type", "Content-Length", "Content-MD5"))
                        .maxAge(3000)
                        .build()))
            .build();
    NagFindings.onResource(
        images,
        "AwsSolutions-S1",
        "Objects are written only through presigned PUTs the product service signs for admins;"
            + " CloudTrail data events, not access logs, are the audit trail if one is needed");
    imageCdn = imageCdn();
    new ApiDocsSite(this, "ApiDocs");

    totpKey =
        Secret.Builder.create(this, "TotpKey")
            .secretName("shop/totp-key")
            .description(
                "The application key (key) the user service seals TOTP secrets with; generated"
                    + " here, never shown, never written by hand")
            .generateSecretString(
                SecretStringGenerator.builder()
                    .secretStringTemplate("{}")
                    .generateStringKey("key")
                    .passwordLength(64)
                    .excludePunctuation(true)
                    .build())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    NagFindings.onResource(
        totpKey,
        "AwsSolutions-SMG4",
        "A new key would leave every sealed TOTP secret unreadable; no rotation Lambda re-seals"
            + " them (docs/USERS.md)");
    jwtSigningKeys =
        operatorSecret(
            "JwtSigningKeys",
            "shop/jwt-signing-keys",
            "RSA keys the user service signs access tokens with (format: docs/USERS.md)");
    stripeTransaction =
        operatorSecret(
            "StripeTransaction",
            "shop/stripe/transaction",
            "The transaction service's Stripe restricted key (apiKey, rk_...) and webhook signing"
                + " secret (webhookSecret, whsec_...)");
    stripeUser =
        operatorSecret(
            "StripeUser",
            "shop/stripe/user",
            "The user service's Stripe restricted key (apiKey, rk_...): customers and payment"
                + " methods");
    sendGrid = operatorSecret("SendGrid", "shop/sendgrid", "SendGrid API key (apiKey)");
    twilio =
        operatorSecret(
            "Twilio",
            "shop/twilio",
            "Twilio account, token and sender number (accountSid," + " authToken, from)");
    carrier =
        operatorSecret(
            "Carrier",
            "shop/carrier",
            "The carriers' delivery webhook signing secret (webhookSecret, 32 or more characters)");
    mongoDb =
        operatorSecret(
            "MongoDb",
            "shop/mongodb",
            "MongoDB Atlas connection string of the product service (uri)");

    Key alarmKey =
        Key.Builder.create(this, "AlarmTopicKey")
            .description("Encrypts the alarm topic; CloudWatch may use it to publish")
            .enableKeyRotation(true)
            .build();
    alarmKey.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
    alarms =
        Topic.Builder.create(this, "Alarms")
            .topicName("shop-alarms")
            .masterKey(alarmKey)
            .enforceSsl(true)
            .build();

    api =
        HttpApi.Builder.create(this, "Api")
            .apiName("shop")
            .description("The shop's HTTP API: every service's openapi.yaml routes")
            .createDefaultStage(false)
            .build();
    jwtAuthorizer =
        HttpAuthorizer.Builder.create(this, "JwtAuthorizer")
            .httpApi(api)
            .authorizerName("shop-jwt")
            .type(HttpAuthorizerType.JWT)
            .identitySource(List.of("$request.header.Authorization"))
            .jwtIssuer(issuer())
            .jwtAudience(List.of(config.jwtAudience()))
            .build();
    software.amazon.awscdk.CfnOutput.Builder.create(this, "ApiEndpoint")
        .description("The shop's API: base URL and token issuer")
        .value(api.getApiEndpoint())
        .build();
    software.amazon.awscdk.CfnOutput.Builder.create(this, "AlarmTopic")
        .description("Subscribe on-call to this topic")
        .value(alarms.getTopicArn())
        .build();
  }

  /**
   * The bucket stays private: CloudFront reads it with origin access control, caches the images
   * near the customers and serves them over HTTPS only.
   */
  private Distribution imageCdn() {
    Distribution cdn = BucketCdn.of(this, "ImageCdn", "shop product images", images).build();
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR1",
        "Product images are for every market the shop sells to; no country is restricted");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR2",
        "Read-only public images behind CloudFront's own DDoS protection; a WAF web ACL (a cost"
            + " per rule and request) is added with the storefront's domain if abuse shows up");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR3",
        "Public, immutable product images: CloudFront's standard metrics are the signal; access"
            + " logs would need a log bucket with ACLs for no audit value");
    NagFindings.onResource(
        cdn,
        "AwsSolutions-CFR4",
        "The default *.cloudfront.net certificate cannot pin a minimum TLS version; it is set with"
            + " the storefront's own domain and certificate");
    return cdn;
  }

  /** The actions of DynamoDB that change or delete an existing item. */
  static final List<String> ITEM_CHANGES =
      List.of(
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:PartiQLUpdate",
          "dynamodb:PartiQLDelete");

  private static PolicyDocument appendOnly() {
    return PolicyDocument.Builder.create()
        .statements(
            List.of(
                PolicyStatement.Builder.create()
                    .sid("AppendOnly")
                    .effect(Effect.DENY)
                    .principals(List.of(new AnyPrincipal()))
                    .actions(ITEM_CHANGES)
                    .resources(List.of("*"))
                    .build()))
        .build();
  }

  private Table table(String id, String name, String partitionKey, String sortKey, String ttl) {
    return table(id, name, partitionKey, sortKey, ttl, null);
  }

  private Table table(
      String id,
      String name,
      String partitionKey,
      String sortKey,
      String ttl,
      PolicyDocument resourcePolicy) {
    Table.Builder table =
        Table.Builder.create(this, id)
            .tableName(name)
            .partitionKey(Attribute.builder().name(partitionKey).type(AttributeType.STRING).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .encryption(TableEncryption.AWS_MANAGED)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .removalPolicy(RemovalPolicy.RETAIN);
    if (sortKey != null) {
      table.sortKey(Attribute.builder().name(sortKey).type(AttributeType.STRING).build());
    }
    if (ttl != null) {
      table.timeToLiveAttribute(ttl);
    }
    if (resourcePolicy != null) {
      table.resourcePolicy(resourcePolicy);
    }
    return table.build();
  }

  private static Attribute attribute(NotificationTables.Key key) {
    return Attribute.builder()
        .name(key.name())
        .type("N".equals(key.type()) ? AttributeType.NUMBER : AttributeType.STRING)
        .build();
  }

  /**
   * A secret whose value only the operator writes (docs/DEPLOY.md). CloudFormation creates it with
   * a random placeholder that holds none of the fields the services read, so a function given it
   * refuses to start until the operator has written the real value, and no value is in the
   * template. The generator's settings never change: CloudFormation generates again (and so
   * overwrites what the operator wrote) only when they do.
   */
  private Secret operatorSecret(String id, String name, String description) {
    Secret secret =
        Secret.Builder.create(this, id)
            .secretName(name)
            .description(description + "; written by the operator, see docs/DEPLOY.md")
            .generateSecretString(
                SecretStringGenerator.builder()
                    .secretStringTemplate("{}")
                    .generateStringKey(UNSET_FIELD)
                    .excludePunctuation(true)
                    .build())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    NagFindings.onResource(
        secret,
        "AwsSolutions-SMG4",
        "Issued by a third party (or, for signing keys, rotated by the documented key-ring"
            + " procedure); no rotation Lambda can renew it");
    return secret;
  }

  /** The token issuer: the API's own URL, where the user service publishes its keys. */
  public String issuer() {
    return api.getApiEndpoint();
  }

  public String jwksUrl() {
    return issuer() + JWKS_PATH;
  }

  public EventBus bus() {
    return bus;
  }

  public Archive archive() {
    return archive;
  }

  public Table failures() {
    return failures;
  }

  public Table idempotency() {
    return idempotency;
  }

  public Table notifications() {
    return notifications;
  }

  public Table trail() {
    return trail;
  }

  public Table audit() {
    return audit;
  }

  public Bucket images() {
    return images;
  }

  /** Where clients load product images: the CDN in front of the private bucket. */
  public String imagesBaseUrl() {
    return "https://" + imageCdn.getDistributionDomainName();
  }

  /** The user service's key for sealing TOTP secrets (field {@code key}). */
  public Secret totpKey() {
    return totpKey;
  }

  public Secret jwtSigningKeys() {
    return jwtSigningKeys;
  }

  /** The transaction service's Stripe key and webhook signing secret. */
  public Secret stripeTransaction() {
    return stripeTransaction;
  }

  /** What carriers sign their delivery webhooks with (transaction's API alone reads it). */
  public Secret carrier() {
    return carrier;
  }

  /** The user service's Stripe key (customers, payment methods). */
  public Secret stripeUser() {
    return stripeUser;
  }

  public Secret sendGrid() {
    return sendGrid;
  }

  public Secret twilio() {
    return twilio;
  }

  public Secret mongoDb() {
    return mongoDb;
  }

  public Topic alarms() {
    return alarms;
  }

  public HttpApi api() {
    return api;
  }

  public HttpAuthorizer jwtAuthorizer() {
    return jwtAuthorizer;
  }

  DeploymentConfig config() {
    return config;
  }
}
