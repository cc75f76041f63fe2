package shop.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.ops.OpsModule;
import shop.platform.config.Config;

/** The command line's answers to usage errors, which the use cases find before any AWS call. */
class OpsCliTest {
  private static final Config NOWHERE =
      new Config(
          Map.of(
              "AWS_REGION", "eu-west-1",
              "AWS_ACCESS_KEY_ID", "test",
              "AWS_SECRET_ACCESS_KEY", "test",
              "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));

  private final StringWriter output = new StringWriter();
  private final OpsCli cli =
      new OpsCli(
          () -> new OpsModule(NOWHERE),
          new PrintWriter(output, true),
          new BufferedReader(new StringReader("")),
          Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC),
          "ada");

  @Test
  void anUnknownConsumerIsAUsageError() {
    assertThat(cli.run("dlq", "show", "stock")).isEqualTo(OpsCli.USAGE);
    assertThat(output.toString()).contains("error: no consumer named 'stock'", "inventory");
  }

  @Test
  void aBadRateIsAUsageErrorNamingTheOption() {
    assertThat(cli.run("dlq", "replay", "inventory", "--rate", "0")).isEqualTo(OpsCli.USAGE);
    assertThat(output.toString())
        .contains("error: --rate must be between 1 and 500 messages a second");
  }

  @Test
  void aBadLimitIsAUsageErrorNamingTheOption() {
    assertThat(cli.run("audit", "list", "--limit", "0")).isEqualTo(OpsCli.USAGE);
    assertThat(output.toString()).contains("error: --limit must be between 1 and 1000");
  }

  @Test
  void anArchiveWindowBackwardsIsAUsageErrorNamingTheOption() {
    assertThat(cli.run("archive", "replay", "--from", "1h", "--to", "2h")).isEqualTo(OpsCli.USAGE);
    assertThat(output.toString()).contains("error: --from must be before");
  }
}
