package shop.platform.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local in this JVM, in memory, on a free port: start it once per test class. Creates
 * tables the way the CDK stack and the local cloud do.
 */
public final class LocalDynamoDb implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;
  private final DynamoDbClient client;

  private LocalDynamoDb(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
    this.client = new AwsClients(config()).build(DynamoDbClient.builder(), "DYNAMODB");
  }

  public static LocalDynamoDb start() {
    int port = freePort();
    try {
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
      server.start();
      return new LocalDynamoDb(server, port);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start", e);
    }
  }

  /** Settings that point {@link AwsClients} at this server. */
  public Config config() {
    return new Config(
        Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "local",
            "AWS_SECRET_ACCESS_KEY", "local",
            "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:" + port));
  }

  public DynamoDbClient client() {
    return client;
  }

  /** A table keyed by string attributes {@code partitionKey} and, if not null, {@code sortKey}. */
  public void createTable(String name, String partitionKey, String sortKey) {
    client.createTable(
        r -> {
          r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
          if (sortKey == null) {
            r.attributeDefinitions(stringAttribute(partitionKey))
                .keySchema(key(partitionKey, KeyType.HASH));
          } else {
            r.attributeDefinitions(stringAttribute(partitionKey), stringAttribute(sortKey))
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE));
          }
        });
    client.waiter().waitUntilTableExists(r -> r.tableName(name));
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }
}
