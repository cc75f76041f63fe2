package shop.ops.cli;

import static shop.ops.cli.OpsCli.OK;
import static shop.ops.cli.OpsCli.USAGE;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shop.ops.audit.AuditEntry;

/** {@code ops audit list}: who replayed, discarded or retried what. */
@Command(
    name = "audit",
    description = "who replayed or discarded what",
    subcommands = AuditCommand.ListEntries.class)
final class AuditCommand extends CommandGroup implements Callable<Integer> {
  AuditCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    out.println("usage: ops audit list [--limit N]");
    return USAGE;
  }

  @Command(name = "list")
  static final class ListEntries extends Output implements Callable<Integer> {
    @CommandLine.ParentCommand AuditCommand parent;

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
                e.time(), e.actor(), e.action(), e.target(), e.selection(), e.count(), e.result()));
    table.print(out);
    return OK;
  }
}
