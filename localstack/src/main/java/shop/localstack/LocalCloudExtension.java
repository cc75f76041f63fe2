package shop.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for integration tests: ONE {@link LocalCloud} per test JVM, on free ports,
 * bootstrapped from the topology, handed to tests and lifecycle methods that declare a {@link
 * LocalCloud} (or {@link Endpoints}) parameter. It lives in the root context's store, which closes
 * it (it is {@link AutoCloseable}) when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(LocalCloudExtension.class)
 * class PostgresOrdersIT {
 *   @Test
 *   void storesAnOrder(LocalCloud cloud) { ... cloud.endpoints().postgres("transaction") ... }
 * }
 * }</pre>
 *
 * <p>Test-support code in src/main: other modules take this module with test scope and bring their
 * own junit-jupiter (here it is a provided dependency). The cloud is shared by every test class of
 * the JVM, so tests use their own ids or names rather than expecting empty queues and tables.
 */
public final class LocalCloudExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalCloudExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalCloud.class || type == Endpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalCloud cloud = cloud(context);
    return parameter.getParameter().getType() == Endpoints.class ? cloud.endpoints() : cloud;
  }

  /** The JVM's local cloud, started and bootstrapped on first use. */
  public static LocalCloud cloud(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(LocalCloud.class, key -> startBootstrapped(), LocalCloud.class);
  }

  private static LocalCloud startBootstrapped() {
    LocalCloud cloud = LocalCloud.start(CloudPorts.ephemeral());
    try {
      long started = System.nanoTime();
      Bootstrap.of(cloud.endpoints()).run();
      System.out.printf(
          "LocalCloud started in %d ms, bootstrapped in %d ms%n",
          cloud.startupTime().toMillis(), (System.nanoTime() - started) / 1_000_000);
      return cloud;
    } catch (RuntimeException e) {
      cloud.close();
      throw e;
    }
  }
}
