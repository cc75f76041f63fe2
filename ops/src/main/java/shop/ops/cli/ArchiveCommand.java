package shop.ops.cli;

import static shop.ops.cli.OpsCli.OK;
import static shop.ops.cli.OpsCli.PARTIAL;
import static shop.ops.cli.OpsCli.USAGE;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shop.ops.archive.ArchiveReplays;

/** {@code ops archive replay}: a time window of the bus archive, delivered again. */
@Command(
    name = "archive",
    description = "the bus archive",
    subcommands = ArchiveCommand.ReplayWindow.class)
final class ArchiveCommand extends CommandGroup implements Callable<Integer> {
  ArchiveCommand(CliContext context) {
    super(context);
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
