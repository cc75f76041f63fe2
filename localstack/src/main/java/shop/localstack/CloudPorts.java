package shop.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The port of every emulator. {@link #defaults()} are fixed for people ({@link Service} lists
 * them); {@link #ephemeral()} asks the OS for free ports (tests); {@link #fromSettings} reads the
 * {@code SHOP_LOCAL_<SERVICE>_PORT} overrides, where {@code 0} also means "any free port".
 */
public final class CloudPorts {
  private final Map<Service, Integer> requested;

  private CloudPorts(Map<Service, Integer> requested) {
    this.requested = Map.copyOf(requested);
  }

  public static CloudPorts defaults() {
    return fromSettings(name -> null);
  }

  public static CloudPorts ephemeral() {
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      ports.put(service, 0);
    }
    return new CloudPorts(ports);
  }

  /** Defaults overridden by {@code settings} (e.g. {@code System::getenv}). */
  public static CloudPorts fromSettings(Function<String, String> settings) {
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      String value = settings.apply(service.portSetting());
      ports.put(
          service,
          value == null || value.isBlank() ? service.defaultPort() : parse(service, value));
    }
    return new CloudPorts(ports);
  }

  /** A copy with {@code service} on {@code port} (0: any free port). */
  public CloudPorts with(Service service, int port) {
    Map<Service, Integer> ports = new EnumMap<>(requested);
    ports.put(service, checkRange(service, port));
    return new CloudPorts(ports);
  }

  public int requested(Service service) {
    return requested.get(service);
  }

  /**
   * Resolves every port: a fixed one must be free (else {@link PortInUseException} naming the
   * setting that moves it), a 0 becomes a free ephemeral port.
   */
  Map<Service, Integer> resolve() {
    Map<Service, Integer> resolved = new EnumMap<>(Service.class);
    for (Map.Entry<Service, Integer> entry : requested.entrySet()) {
      resolved.put(entry.getKey(), bindable(entry.getKey(), entry.getValue()));
    }
    return resolved;
  }

  private static int bindable(Service service, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // As the servers themselves bind: a port left in TIME_WAIT by the last run is free, a
      // listening one is not.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new PortInUseException(service, port, e);
    }
  }

  private static int parse(Service service, String value) {
    try {
      return checkRange(service, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          service.portSetting() + "=" + value + " is not a port number (0 for any free port)", e);
    }
  }

  private static int checkRange(Service service, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          service.portSetting() + "=" + port + " is not a port number (0 for any free port)");
    }
    return port;
  }

  @Override
  public String toString() {
    return "CloudPorts" + requested;
  }
}
