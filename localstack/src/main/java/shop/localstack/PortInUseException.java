package shop.localstack;

/** A fixed port of the local cloud is taken: the message names the port and how to move it. */
public final class PortInUseException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  PortInUseException(Service service, int port, Throwable cause) {
    super(
        "port "
            + port
            + " for the local "
            + service.displayName()
            + " is already in use: stop what holds it, or set "
            + service.portSetting()
            + " to another port (0 for any free port)",
        cause);
  }
}
