package shop.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.function.Supplier;
import shop.ops.OpsModule;

/** What every command group of the CLI shares: the module, the terminal and the actor. */
record CliContext(
    Supplier<OpsModule> module,
    PrintWriter out,
    BufferedReader in,
    String actor,
    ObjectMapper json) {

  /** Prints {@code value} as indented JSON (the {@code --json} output). */
  void print(Object value) {
    try {
      out.println(json.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
