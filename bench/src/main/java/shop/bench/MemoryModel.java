package shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import shop.events.Subscription;
import shop.events.Topology;

/**
 * Each function's memory, chosen from what {@code ./shop bench cost} measured per function: its
 * billed milliseconds per order and the share of them it spent on CPU (the rest waited on I/O).
 * Lambda gives CPU in proportion to memory, one vCPU at {@link #ONE_VCPU_MB}, so below that size
 * the CPU part stretches: billed ≈ I/O + CPU × 1,769 / MB, and cost ≈ billed × MB. The cheapest
 * size whose billed time stays within the function's latency budget and whose memory holds the live
 * heap with headroom wins; sizes within {@link #TIE} of the cheapest count as ties, and the faster
 * of them wins.
 */
final class MemoryModel {
  /**
   * "At 1,769 MB, a function has the equivalent of one vCPU (one vCPU-second of credits per
   * second)": docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html (2026-12-06).
   */
  static final int ONE_VCPU_MB = 1_769;

  /** The sizes tried: Lambda takes any MB from 128; steps of 64 keep the table readable. */
  static final int STEP_MB = 64;

  /**
   * How much slower than with a full vCPU a function may run at its size: an API's caller waits
   * (checkout, its price check), so 25 %; a queue consumer's only waiter is the saga, but its
   * concurrency grows with its time (Little's law) against the topology's {@code maxConcurrency},
   * so half again at most.
   */
  static final Map<String, Double> SLOWDOWN_BUDGET = Map.of("http", 1.25, "sqs", 1.5);

  /**
   * The lowest rate docs/CAPACITY.md plans for: at it, no consumer may need more concurrency than
   * its {@code maxConcurrency} in the topology (Little's law: rate x billed seconds per order).
   */
  static final double DESIGN_ORDERS_PER_SECOND = 10;

  /** The live heap is doubled: the collector needs room to work without running back to back. */
  static final double HEAP_HEADROOM = 2.0;

  /** Costs within 1 % of the cheapest are a tie, and the faster size wins it. */
  static final double TIE = 0.01;

  /** What a function without a measurement keeps, and what they all had before this model. */
  static final int DEFAULT_MB = 1_024;

  /**
   * One function's measured figures per order; {@code capMs}: the most billed time per order its
   * queue's concurrency allows at the design rate (infinite for an API).
   */
  record Function(String name, String kind, double calls, double cpuMs, double ioMs, double capMs) {
    /** Billed milliseconds per order at {@code mb}. */
    double billedMs(int mb) {
      return MemoryModel.billedMs(cpuMs, ioMs, mb);
    }

    /** GB-seconds per 1,000 orders at {@code mb}. */
    double gbSecondsPer1000(int mb) {
      return billedMs(mb) / 1000 * mb / 1024.0 * 1000;
    }

    /**
     * The most billed time the budget allows: the full-vCPU time times the kind's slowdown, within
     * what its queue's concurrency allows (never below the full-vCPU time).
     */
    double budgetMs() {
      double full = cpuMs + ioMs;
      return Math.max(full, Math.min(full * SLOWDOWN_BUDGET.getOrDefault(kind, 1.0), capMs));
    }
  }

  /** A function and the memory chosen for it. */
  record Choice(Function function, int mb) {
    double billedMs() {
      return function.billedMs(mb);
    }

    double gbSecondsPer1000() {
      return function.gbSecondsPer1000(mb);
    }
  }

  private final Properties figures;

  MemoryModel(Properties figures) {
    this.figures = figures;
  }

  /** Billed time at {@code mb}: the CPU part slows down below one vCPU, the I/O part does not. */
  static double billedMs(double cpuMs, double ioMs, int mb) {
    return ioMs + cpuMs * Math.max(1.0, ONE_VCPU_MB / (double) mb);
  }

  /**
   * The least memory any function gets: the measured live heap with headroom plus the memory
   * outside the heap (classes, compiled code, threads). Both are the whole local cloud's (every
   * service and emulator in one JVM), so this is an upper bound of one function's needs.
   */
  int floorMb() {
    double needed = number("heap.liveMb") * HEAP_HEADROOM + number("nonHeap.usedMb");
    return (int) Math.ceil(needed / STEP_MB) * STEP_MB;
  }

  /** Every measured function's choice, in the figures' order. */
  List<Choice> choices() {
    int floor = floorMb();
    List<Choice> choices = new ArrayList<>();
    for (String name : figures.getProperty("functions", "").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      String key = "function." + name + ".";
      double mean = number(key + "meanMs");
      double cpu = mean * Math.min(1, number(key + "cpuShare"));
      String kind = figures.getProperty(key + "kind");
      Function function =
          new Function(name, kind, number(key + "calls"), cpu, mean - cpu, capMs(name, kind));
      choices.add(new Choice(function, choose(function, floor)));
    }
    return choices;
  }

  /**
   * {@code shop-<service>-<consumer>-events}: its subscription's concurrency at the design rate.
   */
  private static double capMs(String function, String kind) {
    if (!kind.equals("sqs")) {
      return Double.POSITIVE_INFINITY;
    }
    String afterShop = function.substring("shop-".length());
    String consumer = afterShop.substring(afterShop.indexOf('-') + 1).replaceFirst("-events$", "");
    Subscription subscription =
        Topology.shop()
            .subscription(consumer)
            .orElseThrow(() -> new IllegalArgumentException("no consumer " + consumer));
    return subscription.maxConcurrency() * 1000 / DESIGN_ORDERS_PER_SECOND;
  }

  private static int choose(Function function, int floor) {
    List<Integer> fits = new ArrayList<>();
    for (int mb = floor; mb < ONE_VCPU_MB; mb += STEP_MB) {
      if (function.billedMs(mb) <= function.budgetMs()) {
        fits.add(mb);
      }
    }
    // One vCPU always meets the budget: the function runs at full speed there.
    fits.add(Math.max(floor, ONE_VCPU_MB));
    double cheapest = fits.stream().mapToDouble(function::gbSecondsPer1000).min().orElseThrow();
    return fits.stream()
        .filter(mb -> function.gbSecondsPer1000(mb) <= cheapest * (1 + TIE))
        .min((a, b) -> Double.compare(function.billedMs(a), function.billedMs(b)))
        .orElseThrow();
  }

  /** The sizes as infra's {@code function-memory.properties} holds them. */
  Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new TreeMap<>();
    sizes.put("default", DEFAULT_MB);
    choices().forEach(choice -> sizes.put(choice.function().name(), choice.mb()));
    return sizes;
  }

  /** The table of docs/CAPACITY.md, in Markdown. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "From `./shop bench cost` of %s (%s orders). Floor: %d MB (live heap %.0f MB x %.0f +"
                + " %.0f MB outside the heap, the whole local cloud's).%n%n",
            figures.getProperty("measured"),
            figures.getProperty("orders"),
            floorMb(),
            number("heap.liveMb"),
            HEAP_HEADROOM,
            number("nonHeap.usedMb")));
    out.append(
        "| function | CPU ms | I/O ms | budget ms | chosen MB | billed ms | GB-s per 1,000 orders |"
            + " at 1,024 MB: billed ms | GB-s |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    double chosen = 0;
    double before = 0;
    for (Choice choice : choices()) {
      Function function = choice.function();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.0f | %d | %.1f | %.2f | %.1f | %.2f |%n",
              function.name(),
              function.cpuMs(),
              function.ioMs(),
              function.budgetMs(),
              choice.mb(),
              choice.billedMs(),
              choice.gbSecondsPer1000(),
              function.billedMs(DEFAULT_MB),
              function.gbSecondsPer1000(DEFAULT_MB)));
      chosen += choice.gbSecondsPer1000();
      before += function.gbSecondsPer1000(DEFAULT_MB);
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nTogether: %.2f GB-s per 1,000 orders at the chosen sizes, %.2f at 1,024 MB each.%n",
            chosen,
            before));
    return out.toString();
  }

  private double number(String key) {
    String value = figures.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "the figures have no " + key + ": rerun ./shop bench cost, which measures it");
    }
    return Double.parseDouble(value);
  }
}
