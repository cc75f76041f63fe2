package shop.user.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import shop.platform.outbox.OutboxOperations;
import shop.user.UserModule;

/**
 * The user outbox function ({@code Topology.outboxFunction("user")}), invoked by the ops tooling:
 * lists parked events and puts them back in line ({@link OutboxOperations}).
 */
public final class OutboxOperationsHandler implements RequestStreamHandler {
  private final OutboxOperations operations;

  /** For the Lambda runtime. */
  public OutboxOperationsHandler() {
    this(UserModule.instance());
  }

  public OutboxOperationsHandler(UserModule module) {
    this.operations = module.outboxOperations();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    operations.handle(input, output);
  }
}
