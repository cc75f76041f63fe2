package shop.platform.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.auth.Caller;
import shop.platform.snapstart.Priming;

/**
 * A service's health routes. {@code GET /health/<service>}: liveness, public, touching nothing (the
 * function answers, so it is alive). {@code GET /health/<service>/ready}: readiness, for staff
 * only, checking each dependency at the same time with a short timeout; 503 naming the ones that
 * failed. One HTTP API fronts every service, so each service's routes carry its name.
 */
public final class Health {
  /** How long a dependency may take to answer a readiness check. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(Health.class);

  private final String service;
  private final Map<String, Runnable> checks;
  private final Duration timeout;
  // Held here: Priming keeps a primer only as long as its owner does.
  private Priming.Primer primer;

  /**
   * @param checks each dependency by name ({@code database}, {@code failures-table}, ...): a probe
   *     that returns when the dependency answered and throws when it did not
   */
  public Health(String service, Map<String, Runnable> checks, Duration timeout) {
    this.service = service;
    this.checks = new LinkedHashMap<>(checks);
    this.timeout = timeout;
  }

  public Health(String service, Map<String, Runnable> checks) {
    this(service, checks, TIMEOUT);
  }

  /**
   * Runs the readiness checks in SnapStart's priming too: the store's driver opens its connection
   * and its query path runs before the snapshot, and the store, a {@link
   * shop.platform.snapstart.StoreConnection}, is closed again before it. Only for stores whose
   * connections priming closes: an SDK client's pooled sockets are not.
   */
  public Health primed() {
    primer = Priming.register("health of " + service, this::check);
    return this;
  }

  /** Adds the two routes to {@code api}. */
  public HttpApi.Builder routes(HttpApi.Builder api) {
    return api.route("GET /health/" + service, this::live)
        .route("GET /health/" + service + "/ready", this::ready);
  }

  private HttpResponse live(HttpRequest request) {
    return HttpResponse.ok(Map.of("service", service, "status", "live"));
  }

  private HttpResponse ready(HttpRequest request) {
    Caller caller = request.caller();
    if (Caller.STAFF_ROLES.stream().noneMatch(caller::actsAs)) {
      throw ProblemException.forbidden("readiness is for staff with a one-time code login");
    }
    Map<String, String> results = check();
    List<String> failed =
        results.entrySet().stream()
            .filter(e -> !e.getValue().equals("ok"))
            .map(e -> e.getKey() + " (" + e.getValue() + ")")
            .toList();
    if (!failed.isEmpty()) {
      throw ProblemException.unavailable(service + " is not ready: " + String.join(", ", failed));
    }
    return HttpResponse.ok(Map.of("service", service, "status", "ready", "checks", results));
  }

  /** Each check's outcome: {@code ok}, {@code timeout} or the failure's class. */
  Map<String, String> check() {
    Map<String, Future<?>> running = new LinkedHashMap<>();
    Map<String, String> results = new LinkedHashMap<>();
    ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    try {
      checks.forEach((name, probe) -> running.put(name, probes.submit(probe)));
      long deadline = System.nanoTime() + timeout.toNanos();
      for (var check : running.entrySet()) {
        results.put(check.getKey(), outcome(check.getKey(), check.getValue(), deadline));
      }
    } finally {
      // A probe still waiting is abandoned, never waited for.
      probes.shutdownNow();
    }
    return results;
  }

  private String outcome(String name, Future<?> probe, long deadline) {
    try {
      probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return "ok";
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("{} readiness: {} did not answer within {}", service, name, timeout);
      return "timeout";
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.warn("{} readiness: {} failed: {}", service, name, e.getCause().toString());
      return e.getCause().getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
