package shop.platform.config;

/** A required setting is absent: the function cannot start, and the message names what to set. */
public final class MissingConfigException extends RuntimeException {
  public MissingConfigException(String name) {
    super("missing configuration: set the environment variable " + name);
  }

  public MissingConfigException(String name, String value, String expected) {
    super("bad configuration: " + name + "=" + value + " is not " + expected);
  }
}
