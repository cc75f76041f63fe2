package shop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * {@code ./shop bench capacity}: the tables of docs/CAPACITY.md from the figures of the last {@code
 * ./shop bench cost} ({@code .shop/cost-figures.properties}), else from the figures the page was
 * last written from ({@code bench/cost-figures.properties}, committed with it), or from the file
 * given as the argument.
 */
public final class CapacityBenchmark {
  static final List<Double> RATES = List.of(10.0, 100.0, 1000.0);

  private CapacityBenchmark() {}

  public static void main(String[] args) throws IOException {
    CostFigures costFigures = CostFigures.from(args);
    Path figures = costFigures.file();
    Properties measured = costFigures.measured();
    // priced at the sizes deployed now, whatever they were when the figures were measured
    DeployedMemory deployed = DeployedMemory.read(DeployedMemory.FILE);
    for (String function : measured.getProperty("functions", "").split(",")) {
      if (!function.isBlank()) {
        measured.setProperty(
            "function." + function + ".memoryMb", Integer.toString(deployed.mb(function)));
      }
    }
    String tables = new CapacityModel(measured).markdown(RATES);
    System.out.println("<!-- ./shop bench capacity, from " + figures + " -->");
    System.out.print(tables);
    // ./shop drops blank lines from what it prints, and Markdown needs them around a table.
    Path page = Path.of(".shop", "capacity.md");
    Files.createDirectories(page.getParent());
    Files.writeString(page, tables);
    System.out.println("the tables as Markdown, to paste into docs/CAPACITY.md: " + page);
  }
}
