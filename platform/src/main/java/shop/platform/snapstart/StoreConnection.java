package shop.platform.snapstart;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A store's connection (a driver's client, a connection pool, an SDK client with its HTTP pool)
 * that SnapStart's priming may open and use, and that is closed once priming is done, before the
 * snapshot: a socket restored from a snapshot is dead, and a pool full of them fails the first
 * requests after a restore. It is opened again by the first caller after that, so whatever it reads
 * when it opens (a password, a connection string: secrets) is read anew after every restore.
 *
 * <p>Adapters keep a {@link #view} rather than the client itself: the view asks the connection that
 * is open at each call, so they never hold a closed client.
 */
public final class StoreConnection<T> implements Supplier<T>, AutoCloseable {
  private final String name;
  private final Supplier<T> open;
  private final Consumer<T> close;
  private T current;

  private StoreConnection(String name, Supplier<T> open, Consumer<T> close) {
    this.name = Objects.requireNonNull(name, "name");
    this.open = Objects.requireNonNull(open, "open");
    this.close = Objects.requireNonNull(close, "close");
  }

  /**
   * A connection opened by {@code open} on first use and closed by {@code close}, also by {@link
   * Priming} once its primers have run; keep it (or a view) as long as its users live.
   */
  public static <T> StoreConnection<T> of(String name, Supplier<T> open, Consumer<T> close) {
    StoreConnection<T> connection = new StoreConnection<>(name, open, close);
    Priming.track(connection);
    return connection;
  }

  /** As {@link #of(String, Supplier, Consumer)} for a client that closes itself. */
  public static <T extends AutoCloseable> StoreConnection<T> of(String name, Supplier<T> open) {
    return of(name, open, StoreConnection::closeClient);
  }

  /** The open client, opened now if it is not. */
  @Override
  public synchronized T get() {
    if (current == null) {
      current = Objects.requireNonNull(open.get(), name + " opened nothing");
    }
    return current;
  }

  /** Whether a client is open (and holds, or may hold, connections). */
  public synchronized boolean isOpen() {
    return current != null;
  }

  /** Closes the open client, if any; the next {@link #get} opens a new one. */
  @Override
  public synchronized void close() {
    T open = current;
    current = null;
    if (open != null) {
      close.accept(open);
    }
  }

  /**
   * {@code type} as seen through whichever client is open at each call: {@code derive} takes the
   * client to the object called (the client itself, one of its databases). What such a call returns
   * is itself a view when its type is one of {@code derived} (a database's collections), so no
   * adapter keeps an object of a closed client; {@code close()} on a view closes the connection.
   */
  public <V> V view(Class<V> type, Function<? super T, ? extends V> derive, Class<?>... derived) {
    return type.cast(proxy(type, derive, List.of(derived)));
  }

  private Object proxy(Class<?> type, Function<? super T, ?> derive, List<Class<?>> derived) {
    InvocationHandler calls =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, type);
          }
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            close();
            return null;
          }
          if (derived.contains(method.getReturnType())) {
            return proxy(
                method.getReturnType(), t -> invoke(method, derive.apply(t), args), derived);
          }
          return invoke(method, derive.apply(get()), args);
        };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, calls);
  }

  private static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw sneaky(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable e) throws E {
    // The view throws what the client threw, checked or not, as the client's callers expect.
    throw (E) e;
  }

  private Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> type.getSimpleName() + " of " + name;
    };
  }

  private static void closeClient(AutoCloseable client) {
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing failed: " + e, e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
