package shop.ops.cli;

import static shop.ops.cli.OpsCli.OK;
import static shop.ops.cli.OpsCli.PARTIAL;
import static shop.ops.cli.OpsCli.USAGE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shop.ops.deadletter.DeadLetter;
import shop.ops.deadletter.DeadLetterQueueSummary;
import shop.ops.deadletter.ReplayOutcome;
import shop.ops.deadletter.Selection;

/** {@code ops dlq list|show|replay|discard}: the consumers' dead-letter queues. */
@Command(
    name = "dlq",
    description = "dead-letter queues",
    subcommands = {
      DlqCommand.ListQueues.class,
      DlqCommand.Show.class,
      DlqCommand.Replay.class,
      DlqCommand.Discard.class
    })
final class DlqCommand extends CommandGroup implements Callable<Integer> {
  DlqCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    out.println("usage: ops dlq list | show <consumer> | replay <consumer> | discard <consumer>");
    return USAGE;
  }

  @Command(
      name = "list",
      description = "every consumer's DLQ with its message count and oldest message")
  static final class ListQueues extends Output implements Callable<Integer> {
    @CommandLine.ParentCommand DlqCommand parent;

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
    @CommandLine.ParentCommand DlqCommand parent;

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
    @CommandLine.ParentCommand DlqCommand parent;

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
    @CommandLine.ParentCommand DlqCommand parent;

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
        new Selection(new LinkedHashSet<>(command.ids), command.type, command.since, command.until);
    ReplayOutcome outcome =
        module
            .get()
            .replayDeadLetters()
            .replay(command.consumer, selection, command.dryRun, command.rate, actor);
    if (command.json) {
      print(outcome);
    } else if (outcome.dryRun()) {
      Table table = new Table("ID", "TYPE", "SUBJECT", "TIME");
      outcome.selected().forEach(l -> table.row(l.id(), l.eventName(), l.subject(), l.eventTime()));
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
