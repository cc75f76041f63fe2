package shop.ops.cli;

import static shop.ops.cli.OpsCli.OK;
import static shop.ops.cli.OpsCli.PARTIAL;
import static shop.ops.cli.OpsCli.USAGE;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shop.ops.OpsModule;
import shop.ops.archive.ArchiveReplays;

/** {@code ops archive replay}: a time window of the bus archive, delivered again. */
@Command(
    name = "archive",
    description = "the bus archive",
    subcommands = ArchiveCommand.ReplayWindow.class)
final class ArchiveCommand implements Callable<Integer> {
  private final CliContext context;
  private final Supplier<OpsModule> module;
  private final PrintWriter out;
  private final BufferedReader in;
  private final String actor;

  ArchiveCommand(CliContext context) {
    this.context = context;
    this.module = context.module();
    this.out = context.out();
    this.in = context.in();
    this.actor = context.actor();
  }

  private void print(Object value) {
    context.print(value);
  }

  @Override
  public Integer call() {
    out.println("usage: ops archive replay --from TIME --to TIME [--consumer C]");
    return USAGE;
  }

  @Command(name = "replay", description = "re-deliver a time window of the archive to the bus")
  static final class ReplayWindow extends Output implements Callable<Integer> {
    @CommandLine.ParentCommand ArchiveCommand parent;

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
