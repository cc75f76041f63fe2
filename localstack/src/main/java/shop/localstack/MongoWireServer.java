package shop.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * MongoDB: mongo-java-server speaking the wire protocol over an in-memory backend. No
 * multi-document transactions, {@code $text} or change streams (see LOCAL-STACK.md).
 */
final class MongoWireServer implements AutoCloseable {
  private final MongoServer server;

  private MongoWireServer(MongoServer server) {
    this.server = server;
  }

  static MongoWireServer start(String host, int port) {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind(host, port);
    return new MongoWireServer(server);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
