package shop.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: a fixed number of clients, each on its own virtual thread, sends
 * one request after another for a fixed duration. A warm-up of the same shape runs first and is not
 * recorded, so the JIT and the connection pool are ready when the clock starts.
 */
final class Load {
  private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** Builds client {@code client}'s next request. */
  interface Requests {
    HttpRequest next(int client);
  }

  private final HttpClient http;
  private final Duration warmUp;
  private final Duration measured;

  Load(HttpClient http, Duration warmUp, Duration measured) {
    this.http = http;
    this.warmUp = warmUp;
    this.measured = measured;
  }

  Result run(String name, int clients, Requests requests) {
    return run(name, clients, requests, body -> {});
  }

  /** {@code onSuccess} sees every 2xx body of the measured run (checkout keeps the order ids). */
  Result run(String name, int clients, Requests requests, Consumer<String> onSuccess) {
    drive(clients, requests, warmUp, body -> {});
    return drive(clients, requests, measured, onSuccess).named(name, clients);
  }

  private Partial drive(int clients, Requests requests, Duration duration, Consumer<String> ok) {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Future<Histogram>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        running.add(threads.submit(() -> client(client, requests, deadline, errors, ok)));
      }
    }
    long elapsed = System.nanoTime() - start;
    Histogram all = new Histogram(MAX_LATENCY_NANOS, 3);
    for (Future<Histogram> each : running) {
      all.add(each.resultNow());
    }
    return new Partial(all, errors.get(), elapsed);
  }

  private Histogram client(
      int client, Requests requests, long deadline, AtomicLong errors, Consumer<String> ok) {
    Histogram latencies = new Histogram(MAX_LATENCY_NANOS, 3);
    while (System.nanoTime() < deadline) {
      HttpRequest request = requests.next(client);
      long sent = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        latencies.recordValue(Math.min(System.nanoTime() - sent, MAX_LATENCY_NANOS));
        if (response.statusCode() / 100 == 2) {
          ok.accept(response.body());
        } else {
          errors.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        latencies.recordValue(Math.min(System.nanoTime() - sent, MAX_LATENCY_NANOS));
        errors.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return latencies;
  }

  private record Partial(Histogram latencies, long errors, long elapsedNanos) {
    Result named(String name, int clients) {
      return Result.of(name, clients, latencies, errors, elapsedNanos);
    }
  }
}
