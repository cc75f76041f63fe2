package shop.transaction.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import shop.platform.outbox.OutboxOperations;
import shop.transaction.TransactionModule;

/**
 * The transaction outbox function ({@code Topology.outboxFunction("transaction")}), invoked by the
 * ops tooling: lists parked events and puts them back in line ({@link OutboxOperations}).
 */
public final class OutboxOperationsHandler implements RequestStreamHandler {
  private final OutboxOperations operations;

  /** For the Lambda runtime. */
  public OutboxOperationsHandler() {
    this(TransactionModule.instance());
  }

  public OutboxOperationsHandler(TransactionModule module) {
    this.operations = module.outboxOperations();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    operations.handle(input, output);
  }
}
