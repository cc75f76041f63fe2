package shop.localstack;

import java.util.Locale;

/**
 * The emulators of the local cloud, each with the port people get by default and the setting (an
 * environment variable or system property) that moves it. The defaults sit next to LocalStack's
 * 4566 so that they are easy to remember.
 */
public enum Service {
  EVENTBRIDGE(4566),
  SQS(4567),
  DYNAMODB(4568),
  S3(4569),
  SANDBOX(4570),
  MONGODB(4571),
  POSTGRES(4572);

  private final int defaultPort;

  Service(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** The setting that overrides this service's port, e.g. {@code SHOP_LOCAL_SQS_PORT}. */
  public String portSetting() {
    return "SHOP_LOCAL_" + name() + "_PORT";
  }

  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
