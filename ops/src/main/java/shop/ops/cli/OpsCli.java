package shop.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shop.events.EventJson;
import shop.ops.OpsModule;
import shop.ops.archive.ArchiveReplays;
import shop.ops.audit.AuditEntry;
import shop.ops.deadletter.DeadLetter;
import shop.ops.deadletter.DeadLetterQueueSummary;
import shop.ops.deadletter.ReplayOutcome;
import shop.ops.deadletter.Selection;
import shop.platform.config.Config;
import shop.platform.domain.InvalidFieldException;
import shop.platform.domain.NotFoundException;

/**
 * The on-call engineer's command line: {@code ops dlq list|show|replay|discard}, {@code ops archive
 * replay}, {@code ops audit list}. Tables for people, {@code --json} for scripts. Exit code 0 when
 * everything worked, 1 when part of it did not, 2 for a usage error.
 */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    description =
        "Inspect, replay and discard dead-lettered events; replay the archive; show the audit log.",
    subcommands = {OpsCli.Dlq.class, OpsCli.Archive.class, OpsCli.Audit.class})
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

  void print(Object value) {
    try {
      out.println(json.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Dlq.class) {
        return type.cast(new Dlq());
      }
      if (type == Archive.class) {
        return type.cast(new Archive());
      }
      if (type == Audit.class) {
        return type.cast(new Audit());
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Shared by every command that prints. */
  static class Output {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;
  }

  @Command(
      name = "dlq",
      description = "dead-letter queues",
      subcommands = {Dlq.ListQueues.class, Dlq.Show.class, Dlq.Replay.class, Dlq.Discard.class})
  final class Dlq implements Callable<Integer> {
    @Override
    public Integer call() {
      out.println("usage: ops dlq list | show <consumer> | replay <consumer> | discard <consumer>");
      return USAGE;
    }

    @Command(
        name = "list",
        description = "every consumer's DLQ with its message count and oldest message")
    static final class ListQueues extends Output implements Callable<Integer> {
      @CommandLine.ParentCommand Dlq parent;

      @Override
      public Integer call() {
        return parent.list(this);
      }
    }

    int list(ListQueues command) {
      List<DeadLetterQueueSummary> summaries = module.get().listDeadLetterQueues().list();
      if (command.json) {
        print(summaries);
        return OK;
      }
      Table table = new Table("CONSUMER", "DLQ", "MESSAGES", "OLDEST", "SOURCE QUEUE");
      summaries.forEach(
          s ->
              table.row(
                  s.consumer(),
                  s.deadLetterQueue(),
                  s.messages(),
                  age(s.oldestAge()),
                  s.sourceQueue()));
      table.print(out);
      return OK;
    }

    @Command(
        name = "show",
        description = "decoded dead letters and why they failed, without consuming them")
    static final class Show extends Output implements Callable<Integer> {
      @CommandLine.ParentCommand Dlq parent;

      @Parameters(
          index = "0",
          description =
              "the consumer (inventory, payments, notifications, carts), or <consumer>-undeliverable"
                  + " for its rule target's DLQ")
      String consumer;

      @Option(names = "--limit", defaultValue = "20")
      int limit;

      @Option(names = "--type", description = "an event name or CloudEvent type")
      String type;

      @Option(names = "--since", description = "ISO time or age (15m, 2h, 1d)")
      Instant since;

      @Override
      public Integer call() {
        return parent.show(this);
      }
    }

    @Command(name = "replay", description = "move dead letters back to their consumer's queue")
    static final class Replay extends Output implements Callable<Integer> {
      @CommandLine.ParentCommand Dlq parent;

      @Parameters(index = "0")
      String consumer;

      @Option(names = "--id", description = "CloudEvent id (repeatable)")
      List<String> ids = new ArrayList<>();

      @Option(names = "--type")
      String type;

      @Option(names = "--since")
      Instant since;

      @Option(names = "--until")
      Instant until;

      @Option(names = "--dry-run", description = "list what would move; change nothing")
      boolean dryRun;

      @Option(names = "--rate", defaultValue = "50", description = "messages a second (default 50)")
      int rate;

      @Override
      public Integer call() {
        return parent.replay(this);
      }
    }

    @Command(
        name = "discard",
        description = "delete dead letters for good (recorded in the audit log)")
    static final class Discard extends Output implements Callable<Integer> {
      @CommandLine.ParentCommand Dlq parent;

      @Parameters(index = "0")
      String consumer;

      @Option(names = "--id", required = true, description = "CloudEvent id (repeatable)")
      List<String> ids;

      @Option(names = "--yes", description = "do not ask for confirmation")
      boolean yes;

      @Override
      public Integer call() throws Exception {
        return parent.discard(this);
      }
    }

    int show(Show command) {
      List<DeadLetter> letters =
          module
              .get()
              .inspectDeadLetters()
              .inspect(
                  command.consumer,
                  new Selection(null, command.type, command.since, null),
                  command.limit);
      if (command.json) {
        print(letters);
        return OK;
      }
      Table table = new Table("ID", "TYPE", "SUBJECT", "TIME", "RECEIVES", "REASON");
      letters.forEach(
          l ->
              table.row(
                  l.id(),
                  l.eventName(),
                  l.subject(),
                  l.eventTime(),
                  l.receiveCount(),
                  l.failureReason()));
      table.print(out);
      out.println(letters.size() + " dead letter(s) in " + command.consumer);
      return OK;
    }

    int replay(Replay command) {
      Selection selection =
          new Selection(
              new LinkedHashSet<>(command.ids), command.type, command.since, command.until);
      ReplayOutcome outcome =
          module
              .get()
              .replayDeadLetters()
              .replay(command.consumer, selection, command.dryRun, command.rate, actor);
      if (command.json) {
        print(outcome);
      } else if (outcome.dryRun()) {
        Table table = new Table("ID", "TYPE", "SUBJECT", "TIME");
        outcome
            .selected()
            .forEach(l -> table.row(l.id(), l.eventName(), l.subject(), l.eventTime()));
        table.print(out);
        out.println(
            "dry run: "
                + outcome.selected().size()
                + " message(s) would move back to "
                + command.consumer
                + " ("
                + outcome.method()
                + "); nothing changed");
      } else {
        out.println(
            "replayed "
                + outcome.moved()
                + " message(s) to "
                + command.consumer
                + " ("
                + outcome.method()
                + ")"
                + (outcome.failed() > 0
                    ? "; " + outcome.failed() + " could not be moved and stay in the DLQ"
                    : ""));
      }
      return outcome.complete() ? OK : PARTIAL;
    }

    int discard(Discard command) throws Exception {
      if (!command.yes) {
        out.print(
            "Discard "
                + command.ids.size()
                + " message(s) from "
                + command.consumer
                + "'s DLQ for good? Type 'yes' to confirm: ");
        out.flush();
        String answer = in.readLine();
        if (answer == null || !answer.strip().equals("yes")) {
          out.println("nothing discarded");
          return USAGE;
        }
      }
      List<DeadLetter> discarded =
          module
              .get()
              .discardDeadLetters()
              .discard(command.consumer, new LinkedHashSet<>(command.ids), actor);
      if (command.json) {
        print(discarded);
      } else {
        out.println("discarded " + discarded.size() + " of " + command.ids.size() + " message(s)");
      }
      return discarded.size() == command.ids.size() ? OK : PARTIAL;
    }
  }

  @Command(
      name = "archive",
      description = "the bus archive",
      subcommands = Archive.ReplayWindow.class)
  final class Archive implements Callable<Integer> {
    @Override
    public Integer call() {
      out.println("usage: ops archive replay --from TIME --to TIME [--consumer C]");
      return USAGE;
    }

    @Command(name = "replay", description = "re-deliver a time window of the archive to the bus")
    static final class ReplayWindow extends Output implements Callable<Integer> {
      @CommandLine.ParentCommand Archive parent;

      @Option(names = "--from", required = true)
      Instant from;

      @Option(names = "--to", required = true)
      Instant to;

      @Option(names = "--consumer", description = "only to this consumer's rule")
      String consumer;

      @Override
      public Integer call() {
        return parent.replay(this);
      }
    }

    int replay(ReplayWindow command) {
      ArchiveReplays.ReplayProgress last =
          module
              .get()
              .replayArchive()
              .replay(
                  command.from,
                  command.to,
                  Optional.ofNullable(command.consumer),
                  actor,
                  p -> {
                    if (!command.json) {
                      out.println(
                          "replay "
                              + p.state()
                              + (p.lastReplayed() == null ? "" : " up to " + p.lastReplayed()));
                      out.flush();
                    }
                  });
      if (command.json) {
        print(last);
      }
      return last.state().equals("COMPLETED") ? OK : PARTIAL;
    }
  }

  @Command(
      name = "audit",
      description = "who replayed or discarded what",
      subcommands = Audit.ListEntries.class)
  final class Audit implements Callable<Integer> {
    @Override
    public Integer call() {
      out.println("usage: ops audit list [--limit N]");
      return USAGE;
    }

    @Command(name = "list")
    static final class ListEntries extends Output implements Callable<Integer> {
      @CommandLine.ParentCommand Audit parent;

      @Option(names = "--limit", defaultValue = "50")
      int limit;

      @Override
      public Integer call() {
        return parent.list(this);
      }
    }

    int list(ListEntries command) {
      List<AuditEntry> entries = module.get().listAudit().list(command.limit);
      if (command.json) {
        print(entries);
        return OK;
      }
      Table table = new Table("TIME", "ACTOR", "ACTION", "TARGET", "SELECTION", "COUNT", "RESULT");
      entries.forEach(
          e ->
              table.row(
                  e.time(),
                  e.actor(),
                  e.action(),
                  e.target(),
                  e.selection(),
                  e.count(),
                  e.result()));
      table.print(out);
      return OK;
    }
  }

  private static String age(Duration age) {
    if (age == null) {
      return "-";
    }
    long seconds = age.toSeconds();
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 7200) {
      return seconds / 60 + "m";
    }
    return seconds / 3600 + "h";
  }
}
