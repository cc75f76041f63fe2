package shop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * {@code ./shop bench up}: how long {@code ./shop up} takes from launch to ready, and how much
 * memory the whole local system holds once idle. Launches {@code ./shop up}'s main ({@code
 * shop.localstack.app.ShopUp}) as a child process with the same JVM flags and classpath ({@code
 * SHOP_UP_JVM_FLAGS}, {@code SHOP_UP_CLASSPATH}, set by {@code ./shop}) on free ports, N times; for
 * each run: launch to the first 200 of {@code GET /health}, the JVM's CPU time at that moment, then
 * after an idle pause the resident memory of the JVM and of the PostgreSQL processes (from /proc),
 * then a clean stop (SIGTERM, as Ctrl-C) and a check that no process and no PostgreSQL data
 * directory is left. The floor is a trivial JVM "hello" with the same heap and GC flags.
 */
public final class StartupBenchmark {
  private static final String MAIN = "shop.localstack.app.ShopUp";
  private static final String FIRST = "first start";
  private static final List<String> EMULATORS =
      List.of("EVENTBRIDGE", "SQS", "DYNAMODB", "S3", "SANDBOX", "MONGODB", "POSTGRES");
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
  // the first stop after a build also writes the class-data archive (~160 MB)
  private static final Duration FIRST_STOP_TIMEOUT = Duration.ofMinutes(5);
  // USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on Linux x86_64 and arm64
  private static final long TICKS_PER_SECOND = 100;

  /** One launch: -1 where a figure could not be read. */
  record Run(
      String label,
      long readyMillis,
      long cpuMillis,
      long jvmRssKib,
      long postgresRssKib,
      long stopMillis,
      String leftBehind) {
    long totalRssKib() {
      return jvmRssKib < 0 || postgresRssKib < 0 ? -1 : jvmRssKib + postgresRssKib;
    }
  }

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      status = run(List.of(args)) ? 0 : 1;
    } catch (Exception | Error e) {
      e.printStackTrace();
    }
    System.exit(status);
  }

  private static boolean run(List<String> args) throws Exception {
    boolean quick = args.contains("--quick");
    int runs = quick ? 3 : 5;
    Duration idle = Duration.ofSeconds(quick ? 3 : 5);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> flags = splitFlags(System.getenv().getOrDefault("SHOP_UP_JVM_FLAGS", ""));
    String classpath =
        Optional.ofNullable(System.getenv("SHOP_UP_CLASSPATH"))
            .orElse(System.getProperty("java.class.path"));
    Optional<Path> archive = archive(flags);
    System.out.printf(
        "startup benchmark: %d runs of %s (+1 first start without a class-data archive when the"
            + " flags name one), %s idle before reading memory, %d cores%n"
            + "JVM: %s %s%n%n",
        runs,
        MAIN,
        idle,
        Runtime.getRuntime().availableProcessors(),
        java,
        String.join(" ", flags));

    Path work = Files.createTempDirectory("shop-bench-up");
    List<Run> shop = new ArrayList<>();
    Run first = null;
    if (archive.isPresent()) {
      // What the first ./shop up after a build pays: the JVM writes the archive as it stops.
      Files.deleteIfExists(archive.get());
      first = launchShop(FIRST, java, flags, classpath, work, idle);
      print(first);
    }
    for (int i = 1; i <= runs; i++) {
      Run run = launchShop("run " + i, java, flags, classpath, work, idle);
      print(run);
      shop.add(run);
    }
    List<String> floorFlags =
        flags.stream()
            .filter(f -> !f.contains("SharedArchive") && !f.contains("AOTCache"))
            .toList();
    List<Run> floor = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      floor.add(launchHello("floor " + i, java, floorFlags, work));
    }

    System.out.println();
    System.out.println(header());
    if (first != null) {
      System.out.println(row(first));
    }
    System.out.println(statsRow("./shop up median", shop, Stats.MEDIAN));
    System.out.println(statsRow("./shop up min", shop, Stats.MIN));
    System.out.println(statsRow("./shop up max", shop, Stats.MAX));
    System.out.println(statsRow("floor (JVM hello) median", floor, Stats.MEDIAN));
    System.out.println(statsRow("floor (JVM hello) min", floor, Stats.MIN));
    System.out.println(statsRow("floor (JVM hello) max", floor, Stats.MAX));

    List<Run> all = new ArrayList<>(shop);
    if (first != null) {
      all.add(first);
    }
    List<String> problems =
        all.stream()
            .filter(r -> !r.leftBehind().isEmpty())
            .map(r -> r.label() + ": " + r.leftBehind())
            .toList();
    System.out.println();
    if (problems.isEmpty()) {
      System.out.println("every run stopped cleanly: no process and no PostgreSQL data left");
      deleteTree(work);
      return true;
    }
    problems.forEach(p -> System.out.println("NOT CLEAN " + p));
    System.out.println("child logs kept in " + work);
    return false;
  }

  private static Run launchShop(
      String label, String java, List<String> flags, String classpath, Path work, Duration idle)
      throws Exception {
    Map<String, String> ports = new HashMap<>();
    int apiPort = freePort();
    ports.put("SHOP_PORT", Integer.toString(apiPort));
    int postgresPort = 0;
    for (String emulator : EMULATORS) {
      int port = freePort();
      ports.put("SHOP_LOCAL_" + emulator + "_PORT", Integer.toString(port));
      if (emulator.equals("POSTGRES")) {
        postgresPort = port;
      }
    }
    String name = label.replace(' ', '-');
    Path state = work.resolve(name);
    Path log = work.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(flags);
    command.addAll(List.of("-cp", classpath, MAIN, state.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(ports);
    builder.environment().put("SHOP_UP_TIMELINE", "1");

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long launched = System.nanoTime();
    Process process = builder.start();
    long readyMillis = -1;
    while (process.isAlive() && elapsed(launched) < READY_TIMEOUT.toMillis()) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          readyMillis = elapsed(launched);
          break;
        }
      } catch (IOException notListeningYet) {
        // the API binds its port part-way through the start
      }
      Thread.sleep(20);
    }
    if (readyMillis < 0) {
      boolean exited = !process.isAlive();
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(
          label
              + (exited
                  ? ": ./shop up exited with " + process.exitValue() + " before it was ready"
                  : ": ./shop up was not ready within " + READY_TIMEOUT)
              + "; its output: "
              + log);
    }
    long pid = process.pid();
    long cpuMillis = cpuMillis(pid);
    Thread.sleep(idle.toMillis());
    long jvmRss = rssKib(pid);
    List<Long> postgres = postgresProcesses(postgresPort);
    long postgresRss = postgres.stream().mapToLong(StartupBenchmark::rssKib).sum();
    Optional<Path> dataDirectory = postgres.stream().findFirst().flatMap(StartupBenchmark::dataDir);

    long stopping = System.nanoTime();
    process.destroy(); // SIGTERM: ShopUp's shutdown hook stops everything, as on Ctrl-C
    Duration stopTimeout = label.equals(FIRST) ? FIRST_STOP_TIMEOUT : STOP_TIMEOUT;
    boolean exited = process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
    long stopMillis = elapsed(stopping);
    List<String> left = new ArrayList<>();
    if (!exited) {
      left.add("the JVM did not exit within " + stopTimeout);
      process.destroyForcibly().waitFor();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && postgres.stream().anyMatch(StartupBenchmark::alive)) {
      Thread.sleep(50);
    }
    postgres.stream()
        .filter(StartupBenchmark::alive)
        .forEach(p -> left.add("PostgreSQL process " + p + " still running"));
    dataDirectory
        .filter(Files::exists)
        .ifPresent(d -> left.add("PostgreSQL data directory " + d + " still there"));
    if (postgres.isEmpty()) {
      left.add("no PostgreSQL process found on port " + postgresPort);
    }
    return new Run(
        label, readyMillis, cpuMillis, jvmRss, postgresRss, stopMillis, String.join("; ", left));
  }

  /** The floor: a JVM that prints one line and waits for its stdin to close. */
  private static Run launchHello(String label, String java, List<String> flags, Path work)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(flags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Hello.class.getName()));
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    long readyMillis = elapsed(launched);
    if (!"hello".equals(line)) {
      throw new IllegalStateException("the floor JVM said " + line);
    }
    long cpuMillis = cpuMillis(process.pid());
    long rss = rssKib(process.pid());
    long stopping = System.nanoTime();
    try (OutputStream in = process.getOutputStream()) {
      in.flush();
    }
    boolean exited = process.waitFor(10, TimeUnit.SECONDS);
    return new Run(
        label, readyMillis, cpuMillis, rss, 0, elapsed(stopping), exited ? "" : "did not exit");
  }

  /** The floor's main. */
  public static final class Hello {
    private Hello() {}

    public static void main(String[] args) throws IOException {
      System.out.println("hello");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the benchmark to close stdin
      }
    }
  }

  private enum Stats {
    MEDIAN,
    MIN,
    MAX
  }

  private static String header() {
    return String.format(
        Locale.ROOT,
        "%-26s %9s %9s %9s %9s %9s %9s",
        "",
        "ready s",
        "CPU s",
        "JVM MB",
        "PG MB",
        "total MB",
        "stop s");
  }

  private static String row(Run run) {
    return format(
        run.label(),
        run.readyMillis(),
        run.cpuMillis(),
        run.jvmRssKib(),
        run.postgresRssKib(),
        run.totalRssKib(),
        run.stopMillis());
  }

  private static void print(Run run) {
    System.out.printf(
        Locale.ROOT,
        "%s: ready in %.2f s (CPU %.2f s), idle RSS JVM %d MB + PostgreSQL %d MB, stopped in %.2f"
            + " s%s%n",
        run.label(),
        run.readyMillis() / 1000.0,
        run.cpuMillis() / 1000.0,
        run.jvmRssKib() / 1024,
        run.postgresRssKib() / 1024,
        run.stopMillis() / 1000.0,
        run.leftBehind().isEmpty() ? "" : " NOT CLEAN: " + run.leftBehind());
  }

  private static String statsRow(String label, List<Run> runs, Stats stats) {
    return format(
        label,
        stat(runs, Run::readyMillis, stats),
        stat(runs, Run::cpuMillis, stats),
        stat(runs, Run::jvmRssKib, stats),
        stat(runs, Run::postgresRssKib, stats),
        stat(runs, Run::totalRssKib, stats),
        stat(runs, Run::stopMillis, stats));
  }

  private static String format(
      String label, long ready, long cpu, long jvm, long postgres, long total, long stop) {
    return String.format(
        Locale.ROOT,
        "%-26s %9.2f %9.2f %9d %9d %9d %9.2f",
        label,
        ready / 1000.0,
        cpu / 1000.0,
        jvm / 1024,
        postgres / 1024,
        total / 1024,
        stop / 1000.0);
  }

  /** Median (lower middle for an even count), min or max. */
  static long stat(List<Run> runs, ToLongFunction<Run> figure, Stats stats) {
    long[] values = runs.stream().mapToLong(figure).sorted().toArray();
    return switch (stats) {
      case MIN -> values[0];
      case MAX -> values[values.length - 1];
      case MEDIAN -> values[(values.length - 1) / 2];
    };
  }

  private static List<String> splitFlags(String flags) {
    return Arrays.stream(flags.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
  }

  private static Optional<Path> archive(List<String> flags) {
    return flags.stream()
        .filter(f -> f.startsWith("-XX:SharedArchiveFile="))
        .map(f -> Path.of(f.substring("-XX:SharedArchiveFile=".length())))
        .findFirst();
  }

  private static long elapsed(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the fields after the command name (which may hold spaces) start after the last ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long rssKib(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The postmaster listening on {@code port} and its children (backends, background workers). */
  private static List<Long> postgresProcesses(int port) throws IOException {
    List<Long> pids = new ArrayList<>();
    Optional<Long> postmaster =
        processes()
            .filter(
                p -> {
                  List<String> args = commandLine(p);
                  int at = args.indexOf("-p");
                  return !args.isEmpty()
                      && args.get(0).endsWith("/postgres")
                      && at >= 0
                      && at + 1 < args.size()
                      && args.get(at + 1).equals(Integer.toString(port));
                })
            .findFirst();
    postmaster.ifPresent(
        master -> {
          pids.add(master);
          processes().filter(p -> parent(p) == master).forEach(pids::add);
        });
    return pids;
  }

  private static Optional<Path> dataDir(long postmaster) {
    List<String> args = commandLine(postmaster);
    int at = args.indexOf("-D");
    return at >= 0 && at + 1 < args.size()
        ? Optional.of(Path.of(args.get(at + 1)))
        : Optional.empty();
  }

  private static Stream<Long> processes() {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .sorted(Comparator.naturalOrder())
          .toList()
          .stream();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
  }

  private static List<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return raw.length == 0
          ? List.of()
          : List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long parent(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean alive(long pid) {
    return Files.exists(Path.of("/proc", Long.toString(pid)));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
