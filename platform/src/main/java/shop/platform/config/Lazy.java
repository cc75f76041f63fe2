package shop.platform.config;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built by its first user and then kept: what a composition root holds for a part that some
 * of its functions never use (a client, a consumer), so that their cold start does not pay for it.
 * Thread-safe; {@code build} runs at most once unless it throws.
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> build;
  private volatile T value;

  private Lazy(Supplier<T> build) {
    this.build = Objects.requireNonNull(build, "build");
  }

  public static <T> Lazy<T> of(Supplier<T> build) {
    return new Lazy<>(build);
  }

  @Override
  public T get() {
    T built = value;
    if (built == null) {
      synchronized (this) {
        built = value;
        if (built == null) {
          built = Objects.requireNonNull(build.get(), "a lazy value may not be null");
          value = built;
        }
      }
    }
    return built;
  }
}
