package shop.platform.snapstart;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.logging.log4j.ThreadContext;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Priming for Lambda SnapStart: work a function does once before its snapshot is taken (a CRaC
 * {@code beforeCheckpoint} hook, which SnapStart runs after init), so that the first request after
 * a restore finds the classes it needs loaded and its code paths already run, instead of paying for
 * them. A primer may use a store (a representative read, so that the driver's classes are loaded
 * and its paths compiled) through a {@link StoreConnection}: once every primer has run, every store
 * connection is closed, since a connection restored from a snapshot is dead, and the first call
 * after a restore opens a new one (reading its secrets anew). Nothing a primer reads is kept.
 *
 * <p>One CRaC resource runs it all, so that the stores close after the last primer whatever order
 * CRaC notifies resources in. On a JVM without CRaC (tests, the local cloud, a function without
 * SnapStart) the hook never runs; {@link #primeAll()} runs it as a checkpoint would, for tests and
 * the cold-start benchmark.
 *
 * <p>This class holds primers and connections weakly: whoever registers one keeps it in a field, so
 * that it lives exactly as long as the handler that owns it.
 */
public final class Priming {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private static final Set<Primer> LIVE =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final Set<StoreConnection<?>> CONNECTIONS =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final Resource CHECKPOINT = new Checkpoint();
  // Per thread, not global: tests and the benchmark prime in a JVM that may serve real calls too.
  private static final ThreadLocal<Boolean> PRIMING = ThreadLocal.withInitial(() -> false);

  static {
    // Held by this class: CRaC's context holds its resources weakly.
    Core.getGlobalContext().register(CHECKPOINT);
  }

  private Priming() {}

  /** Registers {@code work} to run before a snapshot; keep the returned primer. */
  public static Primer register(String name, Runnable work) {
    Primer primer = new Primer(name, work);
    LIVE.add(primer);
    return primer;
  }

  /** Closes {@code connection} with the others once the primers have run. */
  static void track(StoreConnection<?> connection) {
    CONNECTIONS.add(connection);
  }

  /**
   * Runs every live primer and then closes every store connection, as a checkpoint does; returns
   * how many primers ran. For tests and the cold-start benchmark: in Lambda, SnapStart runs the
   * hook.
   */
  public static int primeAll() {
    List<Primer> primers;
    synchronized (LIVE) {
      primers = List.copyOf(LIVE);
    }
    long start = System.nanoTime();
    PRIMING.set(true);
    try {
      primers.forEach(Primer::prime);
    } finally {
      PRIMING.remove();
    }
    // One line as a request's are written (JSON, with thread context): the first request's log
    // line then finds that path run too. It also tells operators that priming ran.
    ThreadContext.put("phase", "snapstart-priming");
    try {
      LOG.info(
          "primed {} primers in {} ms", primers.size(), (System.nanoTime() - start) / 1_000_000);
    } finally {
      ThreadContext.remove("phase");
    }
    List<StoreConnection<?>> connections;
    synchronized (CONNECTIONS) {
      connections = List.copyOf(CONNECTIONS);
    }
    connections.forEach(Priming::close);
    return primers.size();
  }

  /**
   * Whether the calling thread is running primers. What a primer calls on its own thread sees this;
   * threads it starts do not (a pool thread started while priming must not refuse real calls for
   * ever after). The AWS SDK's HTTP client of {@code AwsClients} answers such a thread's requests
   * itself, with a refusal, so that priming runs the SDK's request path without a socket.
   */
  public static boolean isPriming() {
    return PRIMING.get();
  }

  private static void close(StoreConnection<?> connection) {
    try {
      connection.close();
    } catch (RuntimeException e) {
      // Its sockets die with the snapshot; the first call after a restore opens a new one anyway.
      LOG.warn("closing {} before the snapshot failed: {}", connection, e.toString());
    }
  }

  /** The CRaC resource SnapStart notifies (for tests: SnapStart calls it itself). */
  static Resource checkpoint() {
    return CHECKPOINT;
  }

  /** The CRaC resource SnapStart notifies. */
  private static final class Checkpoint implements Resource {
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
      primeAll();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
      // Nothing to restore: the stores open on first use, and secrets are read when they open.
    }
  }

  /** One piece of priming work. */
  public static final class Primer {
    private final String name;
    private final Runnable work;

    private Primer(String name, Runnable work) {
      this.name = Objects.requireNonNull(name, "name");
      this.work = Objects.requireNonNull(work, "work");
    }

    private void prime() {
      long start = System.nanoTime();
      try {
        work.run();
        LOG.debug("primed {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        // An unprimed function still works, only its first request is slower; a failed hook
        // would fail the publication of the function's version instead.
        LOG.warn("priming {} failed; the first request will pay for it: {}", name, e.toString());
      }
    }
  }
}
