package shop.localstack;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

/**
 * DynamoDB: DynamoDB Local's HTTP server in this JVM, in memory, one database for every credential
 * and region ({@code -sharedDb}), no telemetry (there is no network to send it to).
 */
final class DynamoDbLocalServer implements AutoCloseable {
  private final DynamoDBProxyServer server;

  private DynamoDbLocalServer(DynamoDBProxyServer server) {
    this.server = server;
  }

  static DynamoDbLocalServer start(int port) throws Exception {
    DynamoDBProxyServer server =
        ServerRunner.createServerFromCommandLineArgs(
            new String[] {
              "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)
            });
    server.start();
    return new DynamoDbLocalServer(server);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }
}
