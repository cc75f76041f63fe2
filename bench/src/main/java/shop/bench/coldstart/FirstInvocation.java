package shop.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The child JVM of the cold-start benchmark, in place of the Lambda runtime: instantiates one
 * handler by class name (its no-arg constructor, as Lambda does), with {@code
 * -Dshop.bench.prime=true} runs its SnapStart priming, invokes it once with a first event and
 * prints one line of timings. It uses only the JDK and the Lambda event classes that every service
 * jar carries, so what it loads is what the handler loads.
 *
 * <p>Arguments: {@code <handler class> <launch epoch millis> <event kind> [event arguments]}; see
 * {@link FirstEvents}.
 */
public final class FirstInvocation {
  /** The prefix of the result line the benchmark reads. */
  public static final String RESULT = "FIRST-EVENT";

  /** The system property that makes the runner prime the handler before its first invocation. */
  public static final String PRIME = "shop.bench.prime";

  private FirstInvocation() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis() - Long.parseLong(args[1]);
    Object event = FirstEvents.of(args[0], Arrays.copyOfRange(args, 2, args.length));
    long start = System.nanoTime();
    var handler =
        (RequestHandler<Object, Object>)
            Class.forName(args[0]).getDeclaredConstructor().newInstance();
    long constructed = System.nanoTime();
    double primeMillis = Boolean.getBoolean(PRIME) ? prime() : -1;
    long ready = System.nanoTime();
    // Loading the marker tells the class-load log where the first invocation began.
    Class.forName(Constructed.class.getName());
    Object response = handler.handleRequest(event, new FirstEventContext(args[0]));
    long invoked = System.nanoTime();
    System.out.printf(
        "%s main=%d constructed=%.1f primed=%.1f invoked=%.1f outcome=%s%n",
        RESULT,
        mainAt,
        (constructed - start) / 1e6,
        primeMillis,
        (invoked - ready) / 1e6,
        outcome(response));
    System.out.flush();
    // Handlers leave pools and clients running, as in a Lambda instance; the line is out.
    System.exit(0);
  }

  /**
   * Runs the handler's SnapStart priming as a checkpoint would (this JVM has no CRaC, so nothing
   * else calls the hooks); returns its time. What the first invocation then costs is what stays in
   * the cold path after a restore.
   */
  private static double prime() throws ReflectiveOperationException, InterruptedException {
    long start = System.nanoTime();
    Class.forName("shop.platform.snapstart.Priming").getMethod("primeAll").invoke(null);
    double millis = (System.nanoTime() - start) / 1e6;
    settle();
    return millis;
  }

  /**
   * What a snapshot leaves behind: a checkpoint is taken once the hooks have run and the heap has
   * been collected, so the restored function finds the JIT's queue done and no garbage of the
   * priming. Without this the first call here would share the CPU with the compiler threads and the
   * collections that priming set off (not counted: it happens before a snapshot, not in it).
   */
  private static void settle() throws InterruptedException {
    System.gc();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long compiling = jit.getTotalCompilationTime();
    for (int quiet = 0, rounds = 0; quiet < 2 && rounds < 40; rounds++) {
      Thread.sleep(50);
      long now = jit.getTotalCompilationTime();
      quiet = now == compiling ? quiet + 1 : 0;
      compiling = now;
    }
  }

  private static String outcome(Object response) {
    if (response instanceof APIGatewayV2HTTPResponse http) {
      return Integer.toString(http.getStatusCode());
    }
    if (response instanceof SQSBatchResponse batch) {
      int failed = batch.getBatchItemFailures() == null ? 0 : batch.getBatchItemFailures().size();
      return failed == 0 ? "ok" : failed + "-failed";
    }
    String text = String.valueOf(response).replaceAll("\\s+", "_");
    return text.length() > 60 ? text.substring(0, 60) : text;
  }
}
