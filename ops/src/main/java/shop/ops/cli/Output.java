package shop.ops.cli;

import picocli.CommandLine.Option;

/** Shared by every command that prints: tables for people, JSON for scripts. */
class Output {
  @Option(names = "--json", description = "print JSON for scripts")
  boolean json;
}
