package shop.localstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.localstack.CloudPorts;

/**
 * The README's commands run as pasted against a local shop, so that they cannot rot: each {@code
 * bash} block of the sections below, with the API's address swapped for this shop's.
 */
class ReadmeIT {
  /** The README sections whose blocks are pasted against a running shop. */
  private static final List<String> SECTIONS = List.of("Calling the API");

  private static final String LOCAL_API = "api=http://127.0.0.1:8080";

  private static LocalShop shop;

  @BeforeAll
  static void start() {
    shop = LocalShop.start(CloudPorts.ephemeral(), 0);
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void callingTheApiWorksAsPastedAndTheCheckoutAnswers201() throws Exception {
    List<String> blocks = bashBlocks(readme(), "Calling the API");
    assertThat(blocks).as("bash blocks under 'Calling the API'").isNotEmpty();
    String script = String.join("\n", blocks);
    assertThat(script).as("the block sets the local API's address").contains(LOCAL_API);

    Result result = run(script.replace(LOCAL_API, "api=" + shop.apiUrl()));

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.statuses())
        .as(result.toString())
        .contains("201 " + shop.apiUrl() + "/orders")
        .allMatch(line -> line.startsWith("2"));
  }

  @Test
  void everySectionThisTestRunsIsInTheReadme() throws IOException {
    String readme = readme();
    for (String section : SECTIONS) {
      assertThat(readme).contains("\n## " + section + "\n");
    }
  }

  /** What bash said: exit code, what it printed, and each HTTP call's status and address. */
  record Result(int exit, String out, String err, List<String> statuses) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  /**
   * Runs {@code script} with bash, stopping at the first failing command; curl fails on an HTTP
   * error and reports each call's status on stderr, so that a refused call cannot pass unseen.
   */
  private static Result run(String script) throws Exception {
    String prelude =
        """
        set -euo pipefail
        curl() { command curl --fail-with-body -w '%{stderr}HTTP %{http_code} %{url_effective}\\n' "$@"; }
        """;
    Path file = Files.createTempFile("readme", ".sh");
    Path out = Files.createTempFile("readme", ".out");
    Path err = Files.createTempFile("readme", ".err");
    Files.writeString(file, prelude + script + "\n");
    Process bash =
        new ProcessBuilder("bash", file.toString())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!bash.waitFor(120, TimeUnit.SECONDS)) {
      bash.destroyForcibly().waitFor();
    }
    String outText = Files.readString(out);
    String errText = Files.readString(err);
    for (Path temporary : List.of(file, out, err)) {
      Files.delete(temporary);
    }
    List<String> statuses =
        errText.lines().filter(l -> l.startsWith("HTTP ")).map(l -> l.substring(5)).toList();
    return new Result(bash.exitValue(), outText, errText, statuses);
  }

  /** The {@code ```bash} blocks between "## section" and the next heading of that level. */
  static List<String> bashBlocks(String markdown, String section) {
    List<String> blocks = new ArrayList<>();
    boolean inSection = false;
    StringBuilder block = null;
    for (String line : markdown.split("\n", -1)) {
      if (block != null) {
        if (line.startsWith("```")) {
          blocks.add(block.toString());
          block = null;
        } else {
          block.append(line).append('\n');
        }
      } else if (line.startsWith("## ")) {
        inSection = line.substring(3).strip().equals(section);
      } else if (inSection && line.strip().equals("```bash")) {
        block = new StringBuilder();
      }
    }
    return blocks;
  }

  private static String readme() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    // The repository's root is where mvnw is (localstack/ has a README of its own).
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }
    return Files.readString(dir.resolve("README.md"));
  }
}
