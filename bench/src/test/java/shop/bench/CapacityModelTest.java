package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CapacityModelTest {
  /** Checkout 100 ms, inventory 20 ms per order; 3 events, 1 Stripe call, 2 emails. */
  private static Properties figures() {
    Properties figures = new Properties();
    figures.setProperty("measured", "2026-12-06T08:00Z");
    figures.setProperty("orders", "30");
    figures.setProperty("total.p50Ms", "120");
    figures.setProperty("total.p99Ms", "200");
    figures.setProperty("functions", "shop-transaction-api,shop-product-inventory-events");
    figures.setProperty("function.shop-transaction-api.service", "transaction");
    figures.setProperty("function.shop-transaction-api.kind", "http");
    figures.setProperty("function.shop-transaction-api.calls", "1");
    figures.setProperty("function.shop-transaction-api.meanMs", "100");
    figures.setProperty("function.shop-transaction-api.memoryMb", "1024");
    figures.setProperty("function.shop-product-inventory-events.service", "product");
    figures.setProperty("function.shop-product-inventory-events.kind", "sqs");
    figures.setProperty("function.shop-product-inventory-events.calls", "2");
    figures.setProperty("function.shop-product-inventory-events.meanMs", "20");
    figures.setProperty("function.shop-product-inventory-events.memoryMb", "512");
    figures.setProperty("events.perOrder", "3");
    figures.setProperty("stripe.perOrder", "1");
    figures.setProperty("emails.perOrder", "2");
    figures.setProperty("sms.perOrder", "0");
    return figures;
  }

  @Test
  void aFunctionWithLessThanAVcpuIsBilledForItsStretchedCpu() {
    Properties figures = figures();
    figures.setProperty("function.shop-transaction-api.cpuShare", "0.5");
    figures.setProperty("function.shop-transaction-api.memoryMb", "512");

    // 50 ms waiting + 50 ms of CPU at 512 / 1769 of a vCPU
    assertThat(new CapacityModel(figures).functions().getFirst().meanMs())
        .isCloseTo(50 + 50 * 1769 / 512.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void concurrencyIsTheRateTimesTheBilledTime() {
    CapacityModel model = new CapacityModel(figures());

    assertThat(model.functions().getFirst().concurrency(100)).isEqualTo(10.0);
    assertThat(model.functions().get(1).concurrency(100)).isEqualTo(2.0);
  }

  @Test
  void theEmailRateOfANewSesAccountBindsFirstAtTenOrdersASecond() {
    List<CapacityModel.Limit> limits = new CapacityModel(figures()).limits(10);

    assertThat(limits.getFirst().what()).startsWith("SES");
    assertThat(limits.getFirst().needed()).isEqualTo(20.0);
  }

  @Test
  void aConsumersMaxConcurrencyIsALimitOfItsOwn() {
    List<CapacityModel.Limit> limits = new CapacityModel(figures()).limits(1000);

    assertThat(limits)
        .filteredOn(l -> l.what().startsWith("inventory consumer"))
        .singleElement()
        .satisfies(l -> assertThat(l.needed()).isEqualTo(20.0))
        .satisfies(l -> assertThat(l.ceiling()).isEqualTo(5.0));
  }

  @Test
  void theMonthlyBillScalesWithTheRate() {
    CapacityModel model = new CapacityModel(figures());

    double lambdaAt10 = model.monthlyDollars(10).get("Lambda");
    double lambdaAt100 = model.monthlyDollars(100).get("Lambda");

    assertThat(lambdaAt100)
        .isCloseTo(10 * lambdaAt10, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(model.markdown(List.of(10.0))).contains("Binds first: SES");
  }
}
