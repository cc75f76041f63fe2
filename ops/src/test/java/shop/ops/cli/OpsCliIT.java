package shop.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import shop.ops.MisreportingSqs;
import shop.ops.OpsModule;

/** Against a local SQS endpoint: what the command line says when a use case fails unexpectedly. */
class OpsCliIT {
  @Test
  void anIllegalArgumentFromAUseCaseIsAFailureNotAUsageError() throws Exception {
    StringWriter output = new StringWriter();
    try (MisreportingSqs sqs = new MisreportingSqs()) {
      OpsCli cli =
          new OpsCli(
              () -> new OpsModule(sqs.config()),
              new PrintWriter(output, true),
              new BufferedReader(new StringReader("")),
              Clock.systemUTC(),
              "ada");

      assertThat(cli.run("dlq", "list")).isEqualTo(OpsCli.PARTIAL);
    }
    assertThat(output.toString()).startsWith("failed: ");
  }
}
