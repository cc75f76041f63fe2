package shop.ops.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.function.Supplier;
import shop.ops.OpsModule;

/** A command group of the CLI ({@code dlq}, {@code archive}, ...): what its commands share. */
abstract class CommandGroup {
  final Supplier<OpsModule> module;
  final PrintWriter out;
  final BufferedReader in;
  final String actor;
  private final CliContext context;

  CommandGroup(CliContext context) {
    this.context = context;
    this.module = context.module();
    this.out = context.out();
    this.in = context.in();
    this.actor = context.actor();
  }

  /** Prints {@code value} as indented JSON (the {@code --json} output). */
  void print(Object value) {
    context.print(value);
  }
}
