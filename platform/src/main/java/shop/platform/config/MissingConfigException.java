package shop.platform.config;

/**
 * A required setting is absent or malformed: the function cannot start, and the message names what
 * to set. It carries no stack trace: the message is the whole story, and an operator reading the
 * init error should not have to find it under forty frames.
 */
public final class MissingConfigException extends RuntimeException {
  public MissingConfigException(String name) {
    super("missing configuration: set the environment variable " + name, null, false, false);
  }

  public MissingConfigException(String name, String value, String expected) {
    super("bad configuration: " + name + "=" + value + " is not " + expected, null, false, false);
  }
}
