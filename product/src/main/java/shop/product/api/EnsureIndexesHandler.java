package shop.product.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import shop.platform.config.Config;
import shop.product.ProductModule;

/**
 * Creates the product store's indexes: product's counterpart of the PostgreSQL services'
 * migrations, run by the deployment before the functions serve (and by the local cloud's
 * bootstrap). Not at a function's cold start: under SnapStart, whatever init sends over the network
 * is frozen in the snapshot, and five {@code createIndex} round trips per cold start are wasted
 * anyway. Needs only {@code MONGODB_URI} and {@code MONGODB_DATABASE}.
 */
public final class EnsureIndexesHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Config config;

  /** For the Lambda runtime. */
  public EnsureIndexesHandler() {
    this(Config.fromEnvironment());
  }

  public EnsureIndexesHandler(Config config) {
    this.config = config;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return Map.of("indexes", run());
  }

  /** Creates the indexes that are missing; returns the names of all of them. */
  public List<String> run() {
    return ProductModule.ensureIndexes(config);
  }

  public static void main(String[] args) {
    System.out.println("product indexes: " + new EnsureIndexesHandler().run());
  }
}
