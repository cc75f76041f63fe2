package shop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./shop bench memory}: each function's memory from the figures of the last {@code ./shop
 * bench cost} (as {@code ./shop bench capacity} finds them), the table of docs/CAPACITY.md, and the
 * sizes in the form of infra's {@code function-memory.properties}, which the CDK app deploys.
 */
public final class MemoryBenchmark {
  private MemoryBenchmark() {}

  public static void main(String[] args) throws IOException {
    CostFigures costFigures = CostFigures.from(args);
    Path figures = costFigures.file();
    Properties measured = costFigures.measured();
    MemoryModel model = new MemoryModel(measured);
    String table = model.markdown();
    System.out.println("<!-- ./shop bench memory, from " + figures + " -->");
    System.out.print(table);
    Path page = Path.of(".shop", "memory.md");
    Files.createDirectories(page.getParent());
    Files.writeString(page, table);
    Path sizes = Path.of(".shop", "function-memory.properties");
    Files.writeString(sizes, propertiesText(model.sizes(), figures));
    System.out.println("the table as Markdown, to paste into docs/CAPACITY.md: " + page);
    System.out.println(
        DeployedMemory.read(DeployedMemory.FILE).all().equals(model.sizes())
            ? "the deployed sizes are these: " + DeployedMemory.FILE
            : "the sizes to deploy, to copy over " + DeployedMemory.FILE + ": " + sizes);
  }

  /** The sizes file: a comment naming its source, then one {@code function=MB} per line. */
  static String propertiesText(Map<String, Integer> sizes, Path figures) {
    StringBuilder out =
        new StringBuilder(
            "# Each function's memory in MB: ./shop bench memory (shop.bench.MemoryModel) chose\n"
                + "# them from "
                + figures.getFileName()
                + " (docs/CAPACITY.md). DeploymentConfig's defaults;\n"
                + "# the cost benchmark prices with them. Context overrides them at deploy time.\n");
    sizes.forEach((function, mb) -> out.append(function).append('=').append(mb).append('\n'));
    return out.toString();
  }
}
