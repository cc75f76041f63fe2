package shop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartSampleTest {

  @Test
  void readsTheChildsTimings() {
    ColdStartSample sample =
        ColdStartSample.parse(
            812.5, "FIRST-EVENT main=95 constructed=301.5 invoked=250.2 outcome=200", List.of());

    assertThat(sample.totalMillis()).isEqualTo(812.5);
    assertThat(sample.mainMillis()).isEqualTo(95);
    assertThat(sample.constructorMillis()).isEqualTo(301.5);
    assertThat(sample.invokeMillis()).isEqualTo(250.2);
    assertThat(sample.primeMillis()).as("not primed").isEqualTo(-1);
    assertThat(sample.outcome()).isEqualTo("200");
    assertThat(sample.classes()).isZero();
  }

  @Test
  void readsThePrimingTimeOfAPrimedStart() {
    ColdStartSample sample =
        ColdStartSample.parse(
            990,
            "FIRST-EVENT main=95 constructed=301.5 primed=180.4 invoked=40.0 outcome=200",
            List.of());

    assertThat(sample.primeMillis()).isEqualTo(180.4);
    assertThat(sample.invokeMillis()).isEqualTo(40.0);
  }

  @Test
  void countsTheClassesLoadedAfterTheConstructorMarkerAsTheInvocations() {
    List<String> log =
        List.of(
            "[0.010s][info][class,load] java.lang.Object source: shared objects file",
            "[0.200s][info][class,load] shop.product.api.ProductApi source: file:/x.jar",
            "[0.500s][info][class,load] shop.bench.coldstart.Constructed source: file:/c/",
            "[0.600s][info][class,load] shop.platform.http.HttpRequest source: file:/x.jar",
            "[0.700s][info][class,load] com.mongodb.Foo source: file:/x.jar");

    ColdStartSample sample = ColdStartSample.parse(1, "FIRST-EVENT outcome=ok", log);

    assertThat(sample.classes()).isEqualTo(5);
    assertThat(sample.classesInInvoke()).isEqualTo(2);
    assertThat(sample.heaviest()).startsWith("shop 3, ").contains("JDK 1", "com.mongodb 1");
  }
}
