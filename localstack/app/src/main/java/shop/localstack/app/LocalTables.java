package shop.localstack.app;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the services' own DynamoDB tables locally (the CDK stacks create them in the cloud). */
final class LocalTables {
  private LocalTables() {}

  /** A table with string keys {@code pk} and {@code sk}; an existing one is left as it is. */
  static void pkSk(DynamoDbClient dynamo, String name) {
    try {
      dynamo.createTable(
          t ->
              t.tableName(name)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("pk")
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName("sk")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                      KeySchemaElement.builder()
                          .attributeName("sk")
                          .keyType(KeyType.RANGE)
                          .build()));
    } catch (ResourceInUseException e) {
      // Already there from an earlier start: creating is idempotent.
      return;
    }
    dynamo.waiter().waitUntilTableExists(t -> t.tableName(name));
  }
}
