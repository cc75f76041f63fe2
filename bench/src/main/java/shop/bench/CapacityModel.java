package shop.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import shop.events.Subscription;
import shop.events.Topology;

/**
 * The shop on AWS at a steady order rate, on paper: from the billed time per order that {@code
 * ./shop bench cost} measured (its figures file), each function's concurrency by Little's law, and
 * every limit that rate meets, with the one that binds first and the monthly bill. The quotas are
 * AWS's, Stripe's, SES's and Twilio's documented defaults (see {@code docs/CAPACITY.md}).
 */
final class CapacityModel {
  /** Lambda concurrent executions per account and region, the default quota. */
  static final int LAMBDA_ACCOUNT_CONCURRENCY = 1_000;

  /** EventBridge PutEvents requests per second, us-east-1 default (soft). */
  static final int PUT_EVENTS_PER_SECOND = 10_000;

  /** Stripe's live-mode limit, per second, for reads and for writes each. */
  static final int STRIPE_OPS_PER_SECOND = 100;

  /** SES's sending rate when an account leaves the sandbox (raised on request). */
  static final int SES_EMAILS_PER_SECOND = 14;

  /** Twilio's rate for one US long code number (short codes: 100). */
  static final int TWILIO_SMS_PER_SECOND = 1;

  /** Aurora PostgreSQL's max_connections at the cluster's 8 ACU ceiling (16 GiB / 9,531,392). */
  static final int AURORA_MAX_CONNECTIONS = 1_800;

  /** Connections an Atlas M30 accepts (M10: 1,500, M40: 6,000). */
  static final int ATLAS_M30_CONNECTIONS = 3_000;

  /** A MongoDB driver's connections per warm product environment: 3 nodes x (monitor + RTT) + 1. */
  static final int MONGO_CONNECTIONS_PER_ENVIRONMENT = 7;

  static final double SECONDS_PER_MONTH = 30 * 24 * 3600.0;
  static final double USD_PER_EVENT = 1.00 / 1_000_000;
  static final double USD_PER_SQS_REQUEST = 0.40 / 1_000_000;
  static final double USD_PER_API_REQUEST = 1.00 / 1_000_000;

  /** One function's figures per order, as measured. */
  record Function(String name, String service, String kind, double calls, double meanMs, int mb) {
    /** Concurrent executions at {@code rate} orders per second (Little's law). */
    double concurrency(double rate) {
      return rate * meanMs / 1000;
    }
  }

  /** One limit at one rate: what it is, what the rate needs of it, and its ceiling. */
  record Limit(String what, double needed, double ceiling, String remedy) {
    double use() {
      return needed / ceiling;
    }
  }

  private final List<Function> functions;
  private final Properties figures;

  CapacityModel(Properties figures) {
    this.figures = figures;
    this.functions = new ArrayList<>();
    for (String name : figures.getProperty("functions", "").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      String key = "function." + name + ".";
      int mb = (int) number(key + "memoryMb");
      double mean = number(key + "meanMs");
      if (figures.containsKey(key + "cpuShare")) {
        // measured at full speed: below one vCPU its CPU part stretches (MemoryModel)
        double cpu = mean * Math.min(1, number(key + "cpuShare"));
        mean = MemoryModel.billedMs(cpu, mean - cpu, mb);
      }
      functions.add(
          new Function(
              name,
              figures.getProperty(key + "service"),
              figures.getProperty(key + "kind"),
              number(key + "calls"),
              mean,
              mb));
    }
  }

  List<Function> functions() {
    return List.copyOf(functions);
  }

  /** Every limit at {@code rate} orders per second, most used first. */
  List<Limit> limits(double rate) {
    List<Limit> limits = new ArrayList<>();
    double total = functions.stream().mapToDouble(f -> f.concurrency(rate)).sum();
    limits.add(
        new Limit(
            "Lambda concurrency (account)",
            total,
            LAMBDA_ACCOUNT_CONCURRENCY,
            "raise the account's concurrency quota"));
    for (Function function : functions) {
      if (!function.kind().equals("sqs")) {
        continue;
      }
      String consumer =
          function
              .name()
              .substring(("shop-" + function.service() + "-").length())
              .replace("-events", "");
      Subscription subscription = Topology.shop().subscription(consumer).orElseThrow();
      limits.add(
          new Limit(
              consumer + " consumer (maxConcurrency)",
              function.concurrency(rate),
              subscription.maxConcurrency(),
              "raise " + consumer + "'s maxConcurrency in the topology"));
    }
    limits.add(
        new Limit(
            "EventBridge PutEvents/s",
            rate * number("events.perOrder"),
            PUT_EVENTS_PER_SECOND,
            "raise the PutEvents quota"));
    double postgres =
        functions.stream()
            .filter(f -> f.service().equals("user") || f.service().equals("transaction"))
            .mapToDouble(f -> Math.ceil(f.concurrency(rate)))
            .sum();
    limits.add(
        new Limit(
            "Aurora connections via RDS Proxy",
            postgres,
            AURORA_MAX_CONNECTIONS,
            "raise the cluster's max ACU (max_connections grows with memory)"));
    double product =
        functions.stream()
            .filter(f -> f.service().equals("product"))
            .mapToDouble(f -> Math.ceil(f.concurrency(rate)))
            .sum();
    limits.add(
        new Limit(
            "Atlas M30 connections",
            product * MONGO_CONNECTIONS_PER_ENVIRONMENT,
            ATLAS_M30_CONNECTIONS,
            "a larger Atlas tier (M40: 6,000)"));
    limits.add(
        new Limit(
            "Stripe writes/s (live mode)",
            rate * number("stripe.perOrder"),
            STRIPE_OPS_PER_SECOND,
            "ask Stripe for a higher limit"));
    limits.add(
        new Limit(
            "SES emails/s (new account)",
            rate * number("emails.perOrder"),
            SES_EMAILS_PER_SECOND,
            "request a higher SES sending rate"));
    if (number("sms.perOrder") > 0) {
      limits.add(
          new Limit(
              "Twilio SMS/s (one long code)",
              rate * number("sms.perOrder"),
              TWILIO_SMS_PER_SECOND,
              "a short code or a sender pool"));
    }
    limits.sort((a, b) -> Double.compare(b.use(), a.use()));
    return limits;
  }

  /** Lambda (duration and requests), EventBridge, SQS and the HTTP API a month at {@code rate}. */
  Map<String, Double> monthlyDollars(double rate) {
    double orders = rate * SECONDS_PER_MONTH;
    double lambda = 0;
    double sqsMessages = 0;
    for (Function function : functions) {
      lambda +=
          orders
              * (function.meanMs() / 1000 * function.mb() / 1024.0 * CostReport.USD_PER_GB_SECOND
                  + function.calls() * CostReport.USD_PER_REQUEST);
      if (function.kind().equals("sqs")) {
        sqsMessages += function.calls();
      }
    }
    Map<String, Double> bill = new LinkedHashMap<>();
    bill.put("Lambda", lambda);
    bill.put("EventBridge", orders * number("events.perOrder") * USD_PER_EVENT);
    // each message: sent by EventBridge, received and deleted by the event source mapping
    bill.put("SQS", orders * sqsMessages * 3 * USD_PER_SQS_REQUEST);
    bill.put("HTTP API", orders * USD_PER_API_REQUEST);
    return bill;
  }

  /** The tables of docs/CAPACITY.md, in Markdown. */
  String markdown(List<Double> rates) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "From `./shop bench cost` of %s (%s orders): billed %s ms per order at p50, %s ms at"
                + " p99.%n%n",
            figures.getProperty("measured"),
            figures.getProperty("orders"),
            figures.getProperty("total.p50Ms"),
            figures.getProperty("total.p99Ms")));
    out.append("| function | MB | calls/order | billed ms/order |");
    rates.forEach(r -> out.append(String.format(Locale.ROOT, " concurrency at %,.0f/s |", r)));
    out.append("\n| --- | ---: | ---: | ---: |");
    rates.forEach(r -> out.append(" ---: |"));
    out.append('\n');
    for (Function function : functions) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.1f |",
              function.name(),
              function.mb(),
              function.calls(),
              function.meanMs()));
      rates.forEach(
          r -> out.append(String.format(Locale.ROOT, " %.1f |", function.concurrency(r))));
      out.append('\n');
    }
    for (double rate : rates) {
      out.append(String.format(Locale.ROOT, "%n### %,.0f orders/s%n%n", rate));
      out.append(
          "| limit | needed | ceiling | use | if it binds |\n| --- | ---: | ---: | ---: | --- |\n");
      List<Limit> limits = limits(rate);
      for (Limit limit : limits) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %,.1f | %,.0f | %s | %s |%n",
                limit.what(),
                limit.needed(),
                limit.ceiling(),
                limit.use() >= 1
                    ? String.format(Locale.ROOT, "**%.0f %%**", limit.use() * 100)
                    : String.format(Locale.ROOT, "%.0f %%", limit.use() * 100),
                limit.use() >= 1 ? limit.remedy() : "-"));
      }
      Limit first = limits.getFirst();
      out.append(
          String.format(
              Locale.ROOT,
              "%nBinds first: %s (%.0f %% of its default).%n",
              first.what(),
              first.use() * 100));
      Map<String, Double> bill = monthlyDollars(rate);
      out.append("Monthly, sustained: ");
      List<String> parts = new ArrayList<>();
      bill.forEach((what, usd) -> parts.add(String.format(Locale.ROOT, "%s $%,.0f", what, usd)));
      out.append(String.join(", ", parts));
      out.append(
          String.format(
              Locale.ROOT,
              "; together $%,.0f.%n",
              bill.values().stream().mapToDouble(Double::doubleValue).sum()));
    }
    return out.toString();
  }

  private double number(String key) {
    String value = figures.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("the figures have no " + key);
    }
    return Double.parseDouble(value);
  }
}
