package shop.localstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A start-up declared as steps and what each {@linkplain Step#needs needs}: {@link #run()} starts
 * every step as soon as its needs are done, independent steps in parallel, each timed on the
 * timeline. Needs are checked when declared (a step of another plan, or one that would close a
 * cycle, is refused), so that a plan that runs cannot wait for ever.
 *
 * <p>When a step fails, the steps that need it do not run, the others finish, and {@link #run()}
 * throws the first failure, naming its step.
 */
public final class BootPlan {
  private final StartupTimeline timeline;
  private final int threads;
  private final List<Step<?>> steps = new ArrayList<>();
  private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
  private final ThreadLocal<Step<?>> running = new ThreadLocal<>();
  private volatile boolean started;

  /** A plan whose steps are timed on {@code timeline} and run on at most {@code threads}. */
  public BootPlan(StartupTimeline timeline, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a plan needs at least one thread, not " + threads);
    }
    this.timeline = timeline;
    this.threads = threads;
  }

  /** A step that computes a value its dependents read with {@link Step#value()}. */
  public <T> Step<T> step(String name, Callable<T> work) {
    return declare(new Step<>(this, name, work, null));
  }

  /** A step that only does something. */
  public Step<Void> step(String name, Runnable work) {
    return step(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * A step done elsewhere (and timed there), e.g. an emulator that its own starter starts: it is
   * done when {@code elsewhere} completes.
   */
  public <T> Step<T> awaiting(String name, CompletableFuture<T> elsewhere) {
    return declare(new Step<>(this, name, null, elsewhere));
  }

  private synchronized <T> Step<T> declare(Step<T> step) {
    if (started) {
      throw new IllegalStateException("the plan already runs: " + step.name + " came too late");
    }
    steps.add(step);
    return step;
  }

  /**
   * Runs every step and waits for them all.
   *
   * @throws IllegalStateException naming the first step that failed (its cause chained), once every
   *     step that could run has finished
   */
  public void run() {
    List<Step<?>> declared;
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("a plan runs once");
      }
      started = true;
      declared = List.copyOf(steps);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("boot-", 0).factory());
    try {
      // A step's needs were declared before it, so they are scheduled before it too.
      declared.forEach(step -> step.schedule(pool));
      CompletableFuture.allOf(
              declared.stream().map(s -> s.result).toArray(CompletableFuture[]::new))
          .exceptionally(failed -> null)
          .join();
    } finally {
      pool.shutdown();
    }
    RuntimeException failure = firstFailure.get();
    if (failure != null) {
      throw failure;
    }
  }

  private void failed(Step<?> step, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    firstFailure.compareAndSet(
        null, new IllegalStateException(step.name + " failed: " + cause.getMessage(), cause));
  }

  /** One step of a plan; {@code T} is what it gives its dependents. */
  public static final class Step<T> {
    private final BootPlan plan;
    private final String name;
    private final Callable<T> work;
    private final CompletableFuture<T> elsewhere;
    private final Set<Step<?>> needs = new LinkedHashSet<>();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Step(BootPlan plan, String name, Callable<T> work, CompletableFuture<T> elsewhere) {
      this.plan = plan;
      this.name = name;
      this.work = work;
      this.elsewhere = elsewhere;
    }

    public String name() {
      return name;
    }

    /**
     * This step starts only once every one of {@code steps} is done (adds to what it needed).
     *
     * @throws IllegalArgumentException for a step of another plan, or one that needs this one
     */
    public Step<T> needs(Step<?>... steps) {
      synchronized (plan) {
        if (plan.started) {
          throw new IllegalStateException("the plan already runs: " + name + " cannot need more");
        }
        for (Step<?> need : steps) {
          if (need == null || need.plan != plan) {
            throw new IllegalArgumentException(
                name
                    + " needs a step its plan does not have: "
                    + (need == null ? null : need.name));
          }
          if (need.dependsOn(this)) {
            throw new IllegalArgumentException(
                name + " cannot need " + need.name + ": " + need.name + " needs " + name);
          }
          needs.add(need);
        }
      }
      return this;
    }

    /**
     * What the step gave: for the steps that need it, and for anyone once the plan ran.
     *
     * @throws IllegalStateException when read by a step that does not need it, or before it is done
     */
    public T value() {
      Step<?> reader = plan.running.get();
      if (reader != null && !reader.dependsOn(this)) {
        throw new IllegalStateException(reader.name + " reads " + name + " without needing it");
      }
      if (!result.isDone()) {
        throw new IllegalStateException(name + " is not done");
      }
      return result.join();
    }

    /** Whether this step is {@code other} or needs it, directly or not. */
    private boolean dependsOn(Step<?> other) {
      Deque<Step<?>> toVisit = new ArrayDeque<>(List.of(this));
      Set<Step<?>> seen = new LinkedHashSet<>();
      while (!toVisit.isEmpty()) {
        Step<?> step = toVisit.pop();
        if (step == other) {
          return true;
        }
        if (seen.add(step)) {
          toVisit.addAll(step.needs);
        }
      }
      return false;
    }

    private void schedule(ExecutorService pool) {
      if (elsewhere != null) {
        elsewhere.whenComplete(this::finish);
        return;
      }
      CompletableFuture.allOf(needs.stream().map(s -> s.result).toArray(CompletableFuture[]::new))
          .whenCompleteAsync(
              (ready, needFailed) -> {
                if (needFailed != null) {
                  // not a failure of its own: the first failed need is already reported
                  result.completeExceptionally(needFailed);
                  return;
                }
                plan.running.set(this);
                try {
                  finish(plan.timeline.time(name, work), null);
                } catch (Throwable e) {
                  // an Error too (a class that failed to initialise): the plan must not wait for
                  // ever
                  finish(null, e);
                } finally {
                  plan.running.remove();
                }
              },
              pool);
    }

    private void finish(T value, Throwable error) {
      if (error == null) {
        result.complete(value);
      } else {
        plan.failed(this, error);
        result.completeExceptionally(error);
      }
    }
  }
}
