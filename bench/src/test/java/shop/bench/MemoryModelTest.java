package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MemoryModelTest {
  /** A live heap of 70 MB and 180 MB outside it: a floor of 320 MB. */
  private static Properties figures(String... functions) {
    Properties figures = new Properties();
    figures.setProperty("measured", "2026-12-06T08:00Z");
    figures.setProperty("orders", "30");
    figures.setProperty("heap.liveMb", "70");
    figures.setProperty("nonHeap.usedMb", "180");
    StringBuilder names = new StringBuilder();
    for (String function : functions) {
      String[] parts = function.split(":");
      String key = "function." + parts[0] + ".";
      figures.setProperty(key + "kind", parts[1]);
      figures.setProperty(key + "calls", "1");
      figures.setProperty(key + "meanMs", parts[2]);
      figures.setProperty(
          key + "cpuShare",
          Double.toString(Double.parseDouble(parts[3]) / Double.parseDouble(parts[2])));
      names.append(names.isEmpty() ? "" : ",").append(parts[0]);
    }
    figures.setProperty("functions", names.toString());
    return figures;
  }

  private static MemoryModel.Choice only(Properties figures) {
    return new MemoryModel(figures).choices().getFirst();
  }

  @Test
  void onlyTheCpuPartSlowsDownBelowOneVcpu() {
    assertThat(MemoryModel.billedMs(40, 100, 1769)).isEqualTo(140.0);
    assertThat(MemoryModel.billedMs(40, 100, 3008)).isEqualTo(140.0);
    assertThat(MemoryModel.billedMs(40, 100, 1769 / 2)).isCloseTo(180.0, within(0.1));
  }

  @Test
  void theFloorHoldsTwiceTheLiveHeapAndWhatLivesOutsideIt() {
    assertThat(new MemoryModel(figures()).floorMb()).isEqualTo(320);
  }

  @Test
  void aFunctionThatOnlyWaitsGetsTheFloor() {
    MemoryModel.Choice mails = only(figures("shop-notification-notifications-events:sqs:305:5"));

    assertThat(mails.mb()).isEqualTo(320);
    assertThat(mails.billedMs()).isLessThan(mails.function().budgetMs());
  }

  @Test
  void aCpuBoundFunctionGetsAVcpuSinceLessMemoryCostsTheSameAndIsSlower() {
    // all CPU: billed x MB is the same at every size below one vCPU
    MemoryModel.Choice prices = only(figures("shop-product-api:http:10:10"));

    assertThat(prices.mb()).isEqualTo(1769);
    assertThat(prices.billedMs()).isEqualTo(10.0);
  }

  @Test
  void aMixedApiGetsTheSmallestSizeThatKeepsItWithinAQuarterOfFullSpeed() {
    // 40 ms CPU, 150 ms waiting: 237.5 ms allowed, so 40 x 1769 / MB <= 87.5, MB >= 809
    MemoryModel.Choice checkout = only(figures("shop-transaction-api:http:190:40"));

    assertThat(checkout.function().budgetMs()).isEqualTo(237.5);
    assertThat(checkout.mb()).isEqualTo(832);
    assertThat(checkout.function().billedMs(768)).isGreaterThan(237.5);
    assertThat(checkout.gbSecondsPer1000()).isLessThan(checkout.function().gbSecondsPer1000(1024));
  }

  @Test
  void aConsumerMayTakeHalfAgainAsLong() {
    // 40 ms CPU, 150 ms waiting: 285 ms allowed, so 40 x 1769 / MB <= 135, MB >= 525
    MemoryModel.Choice consumer = only(figures("shop-product-inventory-events:sqs:190:40"));

    assertThat(consumer.mb()).isEqualTo(576);
  }

  @Test
  void aConsumerStaysWithinItsQueuesConcurrencyAtTenOrdersASecond() {
    // 1.5 x 450 = 675 ms, but inventory's 5 at a time at 10 orders/s allow 500: 100 x 1769 / MB
    // <= 150
    MemoryModel.Choice inventory = only(figures("shop-product-inventory-events:sqs:450:100"));

    assertThat(inventory.function().budgetMs()).isEqualTo(500.0);
    assertThat(inventory.mb()).isEqualTo(1216);
  }

  @Test
  void theSizesKeepTheDefaultForFunctionsNotMeasured() {
    var sizes = new MemoryModel(figures("shop-product-api:http:10:10")).sizes();

    assertThat(sizes).containsEntry("default", 1024).containsEntry("shop-product-api", 1769);
  }

  @Test
  void figuresWithoutCpuAskForANewCostRun() {
    Properties figures = figures("shop-product-api:http:10:10");
    figures.remove("function.shop-product-api.cpuShare");

    assertThatThrownBy(() -> new MemoryModel(figures).choices())
        .hasMessageContaining("function.shop-product-api.cpuShare")
        .hasMessageContaining("./shop bench cost");
  }

  @Test
  void theDeployedSizesAreTheModelsChoicesFromTheCommittedFigures() throws IOException {
    Properties committed = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of("cost-figures.properties"))) {
      committed.load(in);
    }
    DeployedMemory deployed = DeployedMemory.read(Path.of("..").resolve(DeployedMemory.FILE));

    assertThat(deployed.all())
        .as("rerun ./shop bench memory and copy its sizes to " + DeployedMemory.FILE)
        .isEqualTo(new MemoryModel(committed).sizes());
  }
}
