package shop.platform.snapstart;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Priming for Lambda SnapStart: work a function does once before its snapshot is taken (a CRaC
 * {@code beforeCheckpoint} hook, which SnapStart runs after init), so that the first request after
 * a restore finds the classes it needs loaded and its code paths already run, instead of paying for
 * them. Only work that needs no network belongs here: a connection opened before the snapshot would
 * be restored dead, and whatever it fetched would be frozen.
 *
 * <p>On a JVM without CRaC (tests, the local cloud, a function without SnapStart) the hooks never
 * run; {@link #primeAll()} runs them as a checkpoint would, for tests and the cold-start benchmark.
 *
 * <p>The CRaC context, like this class, holds a primer weakly: whoever registers one keeps it in a
 * field, so that it lives exactly as long as the handler that owns it.
 */
public final class Priming {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private static final Set<Primer> LIVE =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private Priming() {}

  /** Registers {@code work} to run before a snapshot; keep the returned primer. */
  public static Primer register(String name, Runnable work) {
    Primer primer = new Primer(name, work);
    LIVE.add(primer);
    Core.getGlobalContext().register(primer);
    return primer;
  }

  /**
   * Runs every live primer, as a checkpoint does; returns how many ran. For tests and the
   * cold-start benchmark: in Lambda, SnapStart runs the hooks.
   */
  public static int primeAll() {
    List<Primer> primers;
    synchronized (LIVE) {
      primers = List.copyOf(LIVE);
    }
    primers.forEach(Primer::prime);
    return primers.size();
  }

  /** One piece of priming work, as the CRaC resource SnapStart notifies. */
  public static final class Primer implements Resource {
    private final String name;
    private final Runnable work;

    private Primer(String name, Runnable work) {
      this.name = Objects.requireNonNull(name, "name");
      this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
      prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
      // Nothing to restore: priming holds no connection, file or clock.
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
