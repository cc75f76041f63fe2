package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.events.Topology;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

@ExtendWith(LocalCloudExtension.class)
class LocalCloudIT {

  @Test
  void givesServicesTheirSettingsAsEnvironmentVariables(LocalCloud cloud) {
    Endpoints endpoints = cloud.endpoints();
    Map<String, String> config = cloud.config("transaction");

    assertThat(config)
        .containsEntry("AWS_REGION", LocalCloud.REGION)
        .containsEntry("AWS_ACCESS_KEY_ID", LocalCloud.ACCESS_KEY_ID)
        .containsEntry("AWS_SECRET_ACCESS_KEY", LocalCloud.SECRET_ACCESS_KEY)
        .containsEntry("AWS_ENDPOINT_URL_SQS", endpoints.sqsUrl().toString())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDbUrl().toString())
        .containsEntry("AWS_ENDPOINT_URL_S3", endpoints.s3Url().toString())
        .containsEntry("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoints.eventBridgeUrl().toString())
        .containsEntry("MONGODB_URI", endpoints.mongoUri())
        .containsEntry("DATABASE_URL", endpoints.postgres("transaction").jdbcUrl())
        .containsEntry("DATABASE_USER", endpoints.postgres("transaction").user())
        .containsEntry("DATABASE_PASSWORD", endpoints.postgres("transaction").password())
        .containsEntry("POSTGRES_USER_JDBC_URL", endpoints.postgres("user").jdbcUrl())
        .doesNotContainKeys("DB_JDBC_URL", "DB_R2DBC_URL", "DB_USER", "DB_PASSWORD");
    System.out.printf("LocalCloud start time: %d ms%n", cloud.startupTime().toMillis());
  }

  @Test
  void bootstrapIsIdempotent(LocalCloud cloud) {
    Bootstrap.of(cloud.endpoints()).run();

    try (EventBridgeClient events = cloud.endpoints().eventBridgeClient()) {
      assertThat(events.listRules(r -> r.eventBusName("shop-events").namePrefix("shop-")).rules())
          .hasSize(Topology.shop().subscriptions().size());
      assertThat(
              events
                  .listTargetsByRule(r -> r.eventBusName("shop-events").rule("shop-inventory"))
                  .targets())
          .hasSize(1);
    }
  }
}
