package shop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import shop.bench.coldstart.FirstInvocation;

/**
 * Starts one fresh JVM for one handler with Lambda's flags, its service jar as the classpath and
 * its service's environment only, and times it from launch to the result line.
 */
final class ColdStartProbe {
  /**
   * What Lambda's Java 21 runtime runs with: C1 only ({@code JAVA_TOOL_OPTIONS} of ShopFunction,
   * and Lambda's default since Java 17), the serial collector (Lambda's default), and the JDK's
   * class-data-sharing archive ({@code -Xshare:auto}, the JDK's default and what Lambda's runtime
   * starts with).
   */
  static final List<String> LAMBDA_FLAGS =
      List.of(
          "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private static final long TIMEOUT_SECONDS = 90;

  private final String javaCommand;
  private final Path runnerClasses;
  private final Path repository;
  private final Path scratch;
  private final Optional<Path> keptClassLogs;

  /**
   * {@code keptClassLogs}: where each class-load log is kept, named after its case, to see which
   * classes a start or a primed first call loads; empty, they are deleted once counted.
   */
  ColdStartProbe(Path repository, Path scratch, Optional<Path> keptClassLogs) {
    this.javaCommand = ProcessHandle.current().info().command().orElse("java");
    this.repository = repository;
    this.scratch = scratch;
    this.keptClassLogs = keptClassLogs;
    try {
      this.runnerClasses =
          runnerJar(
              Path.of(
                  FirstInvocation.class
                      .getProtectionDomain()
                      .getCodeSource()
                      .getLocation()
                      .toURI()),
              scratch);
    } catch (java.net.URISyntaxException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The runner's classes in a jar of their own: a class-data archive maps classes from jars only
   * (the JVM refuses one whose class path has a non-empty directory).
   */
  private static Path runnerJar(Path classes, Path scratch) throws IOException {
    if (Files.isRegularFile(classes)) {
      return classes;
    }
    String pkg = FirstInvocation.class.getPackageName().replace('.', '/');
    Path jar = scratch.resolve("coldstart-runner.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var files = Files.list(classes.resolve(pkg))) {
      for (Path file : files.sorted().toList()) {
        out.putNextEntry(new java.util.jar.JarEntry(pkg + "/" + file.getFileName()));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The deployable jar of {@code service}, as {@code package} builds it. */
  Path jar(String service) {
    Path jar = repository.resolve(service).resolve("target").resolve(service + "-lambda.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: ./shop bench builds it (./mvnw -pl bench -am package)");
    }
    return jar;
  }

  /**
   * One cold start; {@code primed}, the runner primes the handler before its first invocation; with
   * {@code logClasses} the JVM also logs every class it loads (and, for the {@code appcds} option,
   * writes the function's class-data archive at exit, which the timed starts then map); {@code
   * option} as in {@link ColdStartCase}.
   */
  ColdStartSample run(
      String service,
      String handler,
      List<String> eventArgs,
      Map<String, String> environment,
      boolean primed,
      String option,
      boolean logClasses)
      throws IOException, InterruptedException {
    Path classLog =
        keptClassLogs
            .map(
                kept ->
                    kept.resolve(
                        service
                            + "-"
                            + handler.substring(handler.lastIndexOf('.') + 1)
                            + (primed ? "+prime" : "")
                            + (option.isEmpty() ? "" : "+" + option)
                            + ".log"))
            .orElse(scratch.resolve("classes-" + System.nanoTime() + ".log"));
    List<String> command = new ArrayList<>(List.of(javaCommand));
    command.addAll(
        option.equals("c2")
            ? LAMBDA_FLAGS.stream().filter(f -> !f.startsWith("-XX:TieredStopAtLevel")).toList()
            : LAMBDA_FLAGS);
    if (option.equals("appcds")) {
      Path archive = scratch.resolve(handler + ".jsa");
      command.add((logClasses ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
      command.add("-Xlog:cds=off");
    }
    if (logClasses) {
      command.add("-Xlog:class+load=info:file=" + classLog);
    }
    if (primed) {
      command.add("-D" + FirstInvocation.PRIME + "=true");
    }
    command.addAll(
        List.of(
            "-cp",
            runnerClasses + java.io.File.pathSeparator + jar(service),
            FirstInvocation.class.getName(),
            handler,
            Long.toString(System.currentTimeMillis())));
    command.addAll(eventArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Only the function's own environment, as in Lambda: nothing of this shell leaks in.
    builder.environment().clear();
    builder.environment().putAll(environment);
    long launched = System.nanoTime();
    Process child = builder.start();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                  child.destroyForcibly();
                }
              } catch (InterruptedException e) {
                child.destroyForcibly();
              }
            });
    Deque<String> tail = new ArrayDeque<>();
    String result = null;
    double total = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (result == null && line.startsWith(FirstInvocation.RESULT)) {
          total = (System.nanoTime() - launched) / 1e6;
          result = line;
        } else if (result == null) {
          tail.addLast(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
      }
    }
    child.waitFor();
    if (result == null) {
      throw new IllegalStateException(
          handler
              + " gave no result (exit "
              + child.exitValue()
              + "):\n"
              + String.join("\n", tail));
    }
    List<String> classes = logClasses ? Files.readAllLines(classLog) : List.of();
    if (keptClassLogs.isEmpty()) {
      Files.deleteIfExists(classLog);
    }
    return ColdStartSample.parse(total, result, classes);
  }
}
