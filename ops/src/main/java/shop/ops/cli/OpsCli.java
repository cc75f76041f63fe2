package shop.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import shop.events.EventJson;
import shop.ops.OpsModule;
import shop.platform.config.Config;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

/**
 * The on-call engineer's command line: {@code ops dlq list|show|replay|discard}, {@code ops archive
 * replay}, {@code ops audit list}, {@code ops outbox list|retry}, {@code ops trail <orderId>}; one
 * class per command group. Tables for people, {@code --json} for scripts. Exit code 0 when
 * everything worked, 1 when part of it did not, 2 for a usage error.
 */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    description =
        "Inspect, replay and discard dead-lettered events; replay the archive; retry parked outbox"
            + " events; show the audit log; show an order's trail.",
    subcommands = {
      DlqCommand.class,
      ArchiveCommand.class,
      AuditCommand.class,
      OutboxCommand.class,
      TrailCommand.class
    })
public final class OpsCli implements Callable<Integer> {
  static final int OK = 0;
  static final int PARTIAL = 1;
  static final int USAGE = 2;

  private final Supplier<OpsModule> module;
  private final PrintWriter out;
  private final BufferedReader in;
  private final Clock clock;
  private final String actor;
  private final ObjectMapper json =
      EventJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

  public OpsCli(
      Supplier<OpsModule> module, PrintWriter out, BufferedReader in, Clock clock, String actor) {
    this.module = module;
    this.out = out;
    this.in = in;
    this.clock = clock;
    this.actor = actor;
  }

  public static void main(String[] args) {
    OpsCli cli =
        new OpsCli(
            () -> new OpsModule(Config.fromEnvironment()),
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            Clock.systemUTC(),
            Optional.ofNullable(System.getenv("OPS_ACTOR"))
                .orElse(System.getProperty("user.name")));
    System.exit(cli.run(args));
  }

  /** Runs one command line and returns its exit code. */
  public int run(String... args) {
    CommandLine commandLine = new CommandLine(this, new Factory());
    commandLine.registerConverter(Instant.class, new TimeArgument(clock));
    commandLine.setOut(out);
    commandLine.setErr(out);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // The use cases refuse a bad option or an unknown consumer with the kernel's failures;
          // anything else (an IllegalArgumentException included) is a failure, not a usage error.
          if (e instanceof InvalidFieldException invalid) {
            cmd.getErr().println("error: --" + invalid.field() + " " + invalid.getMessage());
            return USAGE;
          }
          if (e instanceof NotFoundException) {
            cmd.getErr().println("error: " + e.getMessage());
            return USAGE;
          }
          cmd.getErr().println("failed: " + e.getMessage());
          return PARTIAL;
        });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(out);
    return USAGE;
  }

  /** Builds the command groups with what they share. */
  private final class Factory implements CommandLine.IFactory {
    private final CliContext context = new CliContext(module, out, in, actor, json);

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == DlqCommand.class) {
        return type.cast(new DlqCommand(context));
      }
      if (type == ArchiveCommand.class) {
        return type.cast(new ArchiveCommand(context));
      }
      if (type == AuditCommand.class) {
        return type.cast(new AuditCommand(context));
      }
      if (type == OutboxCommand.class) {
        return type.cast(new OutboxCommand(context));
      }
      if (type == TrailCommand.class) {
        return type.cast(new TrailCommand(context));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
