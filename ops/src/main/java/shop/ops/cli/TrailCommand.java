package shop.ops.cli;

import static shop.ops.cli.OpsCli.OK;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shop.ops.trail.ShowOrderTrail;
import shop.ops.trail.TrailEntry;

/** {@code ops trail <orderId>}: everything that happened to one order, oldest first. */
@Command(
    name = "trail",
    description =
        "one order's story: events, each consumer's outcome, notifications, payments; oldest first")
final class TrailCommand extends CommandGroup implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<orderId>", description = "the order's id")
  String orderId;

  @Option(names = "--json", description = "print JSON for scripts")
  boolean json;

  TrailCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    List<TrailEntry> entries =
        module.get().showOrderTrail().show(new ShowOrderTrail.Query(orderId));
    if (json) {
      print(entries);
      return OK;
    }
    if (entries.isEmpty()) {
      out.println("nothing recorded for order " + orderId);
      return OK;
    }
    Table table = new Table("TIME", "KIND", "TYPE", "CONSUMER", "EVENT", "DETAIL");
    entries.forEach(
        e -> table.row(e.time(), e.kind(), e.type(), e.consumer(), e.eventId(), e.detail()));
    table.print(out);
    return OK;
  }
}
