package shop.localstack;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** SQS: ElasticMQ's REST server in this JVM (in-memory queues). */
final class ElasticMqServer implements AutoCloseable {
  private final SQSRestServer server;

  private ElasticMqServer(SQSRestServer server) {
    this.server = server;
  }

  static ElasticMqServer start(String host, int port, String region, String account) {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface(host)
            .withPort(port)
            .withServerAddress(new NodeAddress("http", host, port, ""))
            .withAWSRegion(region)
            .withAWSAccountId(account)
            .start();
    server.waitUntilStarted();
    return new ElasticMqServer(server);
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
