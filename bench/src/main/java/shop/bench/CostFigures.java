package shop.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The figures a {@code ./shop bench cost} run wrote, as {@code capacity} and {@code memory} read
 * them: the file given, else the last run's ({@code .shop/cost-figures.properties}), else the ones
 * the docs were last written from ({@code bench/cost-figures.properties}, committed with them).
 */
record CostFigures(Path file, Properties measured) {
  static CostFigures from(String[] args) throws IOException {
    Path latest = Path.of(".shop", "cost-figures.properties");
    Path file =
        args.length > 0
            ? Path.of(args[0])
            : Files.isRegularFile(latest) ? latest : Path.of("bench", "cost-figures.properties");
    Properties measured = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      measured.load(in);
    }
    return new CostFigures(file, measured);
  }
}
