package shop.ops.cli;

import static shop.ops.cli.OpsCli.OK;
import static shop.ops.cli.OpsCli.USAGE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shop.ops.outbox.ParkedEvent;

/**
 * {@code ops outbox list|retry}: events a service could not publish after every retry, parked in
 * its outbox, and putting them back in line once the cause is fixed (recorded in the audit log).
 */
@Command(
    name = "outbox",
    description = "events parked in the services' outboxes",
    subcommands = {OutboxCommand.ListParked.class, OutboxCommand.Retry.class})
final class OutboxCommand extends CommandGroup implements Callable<Integer> {
  OutboxCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    out.println(
        "usage: ops outbox list [--service S] | retry <event id> | retry --all [--service S]");
    return USAGE;
  }

  @Command(name = "list", description = "parked events, oldest first, with the bus's last answer")
  static final class ListParked extends Output implements Callable<Integer> {
    @CommandLine.ParentCommand OutboxCommand parent;

    @Option(names = "--service", description = "product, transaction or user (default: all)")
    String service;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
      return parent.list(this);
    }
  }

  @Command(
      name = "retry",
      description =
          "put a parked event (or --all) back in line; the next sweep sends it within a minute")
  static final class Retry extends Output implements Callable<Integer> {
    @CommandLine.ParentCommand OutboxCommand parent;

    @Parameters(index = "0", arity = "0..1", description = "the event id")
    String id;

    @Option(names = "--all", description = "every parked event (of --service, or of all)")
    boolean all;

    @Option(names = "--service", description = "with --all: product, transaction or user")
    String service;

    @Override
    public Integer call() {
      return parent.retry(this);
    }
  }

  int list(ListParked command) {
    List<ParkedEvent> parked =
        module.get().listParkedEvents().list(Optional.ofNullable(command.service), command.limit);
    if (command.json) {
      print(parked);
      return OK;
    }
    Table table =
        new Table("SERVICE", "ID", "TYPE", "SUBJECT", "CREATED", "ATTEMPTS", "LAST ERROR");
    parked.forEach(
        p ->
            table.row(
                p.service(),
                p.id(),
                p.eventType(),
                p.subject(),
                p.createdAt(),
                p.attempts(),
                p.lastError()));
    table.print(out);
    out.println(parked.size() + " parked event(s)");
    return OK;
  }

  int retry(Retry command) {
    if (command.all == (command.id != null)) {
      out.println("usage: ops outbox retry <event id> | retry --all [--service S]");
      return USAGE;
    }
    var retry = module.get().retryParkedEvents();
    if (command.all) {
      long retried = retry.retryAll(Optional.ofNullable(command.service), actor);
      if (command.json) {
        print(Map.of("retried", retried));
      } else {
        out.println("put " + retried + " parked event(s) back in line");
      }
      return OK;
    }
    String service = retry.retry(command.id, actor);
    if (command.json) {
      print(Map.of("retried", 1, "service", service));
    } else {
      out.println("put " + command.id + " back in " + service + "'s outbox line");
    }
    return OK;
  }
}
