package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.events.Topology;
import shop.notification.NotificationTables;
import shop.ops.adapter.DynamoDbAuditLog;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SharedStackTest {
  private final SynthesizedShop shop = SynthesizedShop.get();
  private final Template template = shop.template(shop.stacks.shared());
  private final Topology topology = Topology.shop();

  @Test
  void busAndArchiveCarryTheTopologyNames() {
    template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", topology.busName()));
    template.hasResourceProperties(
        "AWS::Events::Archive",
        Map.of(
            "ArchiveName", topology.archiveName(),
            "EventPattern", Map.of("source", List.of(Map.of("prefix", "shop.")))));
  }

  @Test
  void failuresTableHasStringKeysAndTtl() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "TableName", topology.failuresTable(),
            "KeySchema",
                List.of(
                    Map.of("AttributeName", "pk", "KeyType", "HASH"),
                    Map.of("AttributeName", "sk", "KeyType", "RANGE")),
            "TimeToLiveSpecification", Map.of("AttributeName", "ttl", "Enabled", true),
            "BillingMode", "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
  }

  @Test
  void idempotencyTableHasAHashKeyOnly() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "TableName", topology.idempotencyTable(),
            "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
            "TimeToLiveSpecification", Map.of("AttributeName", "ttl", "Enabled", true)));
  }

  @Test
  void notificationsTableFollowsNotificationTables() {
    NotificationTables.Table table = NotificationTables.deliveries(NotificationTables.DEFAULT_NAME);
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "TableName", table.name(),
            "KeySchema",
                List.of(
                    Map.of("AttributeName", table.partitionKey().name(), "KeyType", "HASH"),
                    Map.of("AttributeName", table.sortKey().name(), "KeyType", "RANGE")),
            "TimeToLiveSpecification",
                Map.of("AttributeName", table.ttlAttribute(), "Enabled", true),
            "GlobalSecondaryIndexes",
                Match.arrayWith(
                    table.indexes().stream()
                        .map(
                            index ->
                                Match.objectLike(
                                    Map.of(
                                        "IndexName", index.name(),
                                        "KeySchema",
                                            List.of(
                                                Map.of(
                                                    "AttributeName",
                                                    index.partitionKey().name(),
                                                    "KeyType",
                                                    "HASH"),
                                                Map.of(
                                                    "AttributeName",
                                                    index.sortKey().name(),
                                                    "KeyType",
                                                    "RANGE")),
                                        "Projection", Map.of("ProjectionType", "ALL"))))
                        .map(Object.class::cast)
                        .toList())));
  }

  @Test
  void auditTableHasStringKeys() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "TableName",
            DynamoDbAuditLog.TABLE,
            "KeySchema",
            List.of(
                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE"))));
  }

  @Test
  void theAuditTableRefusesEveryoneToChangeOrDeleteAnEntry() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "TableName",
            DynamoDbAuditLog.TABLE,
            "ResourcePolicy",
            Map.of(
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Effect",
                                    "Deny",
                                    "Principal",
                                    Map.of("AWS", "*"),
                                    "Action",
                                    Match.arrayWith(
                                        List.of(
                                            "dynamodb:UpdateItem", "dynamodb:DeleteItem"))))))))));
  }

  @Test
  void imageBucketIsPrivateEncryptedAndTakesPresignedPuts() {
    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Map.of(
            "PublicAccessBlockConfiguration",
                Map.of(
                    "BlockPublicAcls", true,
                    "BlockPublicPolicy", true,
                    "IgnorePublicAcls", true,
                    "RestrictPublicBuckets", true),
            "BucketEncryption", Match.objectLike(Map.of()),
            "CorsConfiguration",
                Map.of(
                    "CorsRules",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "AllowedMethods",
                                List.of("PUT"),
                                "AllowedOrigins",
                                List.of(SynthesizedShop.STOREFRONT)))))));
    template.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect",
                                "Deny",
                                "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void secretsForSigningKeysAndEveryThirdParty() {
    for (String name :
        List.of(
            "shop/jwt-signing-keys",
            "shop/stripe/transaction",
            "shop/stripe/user",
            "shop/sendgrid",
            "shop/twilio",
            "shop/mongodb",
            "shop/carrier")) {
      template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", name));
    }
  }

  /**
   * No value in the template (anyone who reads it would know it) and nothing a deploy would write
   * over the operator's value: CloudFormation generates a placeholder once, with settings that
   * never change, holding none of the fields the services read.
   */
  @Test
  @SuppressWarnings("unchecked")
  void secretsHoldNoValueInTheTemplateOnlyAPlaceholderTheServicesRefuse() {
    Map<String, Map<String, Object>> secrets =
        new java.util.HashMap<>(template.findResources("AWS::SecretsManager::Secret", Map.of()));
    // The TOTP sealing key is the one secret CloudFormation generates for good (below).
    secrets.keySet().removeIf(id -> id.startsWith("TotpKey"));
    assertThat(secrets).hasSize(7);
    for (var secret : secrets.entrySet()) {
      Map<String, Object> properties = (Map<String, Object>) secret.getValue().get("Properties");
      assertThat(properties).as(secret.getKey()).doesNotContainKey("SecretString");
      assertThat(properties.toString()).as(secret.getKey()).doesNotContain("REPLACE_ME");
      assertThat((Map<String, Object>) properties.get("GenerateSecretString"))
          .as(secret.getKey())
          .containsEntry("SecretStringTemplate", "{}")
          .containsEntry("GenerateStringKey", SharedStack.UNSET_FIELD);
    }
  }

  @Test
  void theTotpSealingKeyIsGeneratedByCloudFormationAndInNoTemplate() {
    template.hasResourceProperties(
        "AWS::SecretsManager::Secret",
        Map.of(
            "Name",
            "shop/totp-key",
            "GenerateSecretString",
            Match.objectLike(
                Map.of(
                    "SecretStringTemplate",
                    "{}",
                    "GenerateStringKey",
                    "key",
                    "PasswordLength",
                    64))));
    assertThat(
            template
                .findResources(
                    "AWS::SecretsManager::Secret",
                    Map.of("Properties", Map.of("Name", "shop/totp-key")))
                .values())
        .singleElement()
        .satisfies(
            secret ->
                assertThat(((Map<?, ?>) secret.get("Properties")).containsKey("SecretString"))
                    .isFalse());
  }

  @Test
  void theArchiveKeepsEventsNinetyDaysByDefault() {
    template.hasResourceProperties("AWS::Events::Archive", Map.of("RetentionDays", 90));
  }

  @Test
  void oneHttpApiWithAJwtAuthorizerOnItsOwnIssuerAndNoStage() {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    // The stage names routes the service stacks create: it is deployed after them (ApiStageStack).
    template.resourceCountIs("AWS::ApiGatewayV2::Stage", 0);
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Authorizer",
        Map.of(
            "AuthorizerType",
            "JWT",
            "JwtConfiguration",
            Map.of("Audience", List.of("shop"), "Issuer", Match.objectLike(Map.of()))));
  }

  @Test
  void productImagesAreServedByCloudFrontFromThePrivateBucketOverHttpsOnly() {
    template.hasResourceProperties(
        "AWS::CloudFront::Distribution",
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "DefaultCacheBehavior",
                    Match.objectLike(
                        Map.of(
                            "ViewerProtocolPolicy",
                            "redirect-to-https",
                            "AllowedMethods",
                            List.of("GET", "HEAD"))),
                    "Origins",
                    List.of(
                        Match.objectLike(
                            Map.of("OriginAccessControlId", Match.objectLike(Map.of()))))))));
    // One for the images, one for the API reference (ApiDocsSiteTest).
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 2);
    template.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Action",
                                "s3:GetObject",
                                "Principal",
                                Map.of("Service", "cloudfront.amazonaws.com"))))))));
  }
}
