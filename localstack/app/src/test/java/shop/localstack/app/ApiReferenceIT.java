package shop.localstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import shop.localstack.runtime.LocalHttpApi;
import shop.notification.api.NotificationApi;
import shop.ops.api.OpsApi;
import shop.platform.http.ApiRoute;
import shop.product.api.ProductApi;
import shop.transaction.api.OrdersApi;
import shop.user.api.UserApi;

/**
 * The local HTTP API's {@code /docs} in a real browser (headless Chromium): Swagger UI renders
 * every operation of every service's contract. Needs Debian's chromium and chromium-driver, which
 * .ci/run installs; without them the test is skipped and says so.
 */
class ApiReferenceIT {
  private static final List<Class<?>> SERVICES =
      List.of(
          UserApi.class, ProductApi.class, OrdersApi.class, NotificationApi.class, OpsApi.class);
  private static final List<String> NAMES =
      List.of("user", "product", "transaction", "notification", "ops");

  private static LocalHttpApi api;

  @BeforeAll
  static void start() {
    var contracts = new java.util.LinkedHashMap<String, java.net.URL>();
    for (int i = 0; i < SERVICES.size(); i++) {
      contracts.put(NAMES.get(i), ServiceRoutes.contract(SERVICES.get(i)));
    }
    api =
        LocalHttpApi.create(0, List.of(), List.of(), "eu-west-1", () -> true)
            .documenting(shop.localstack.runtime.ApiReference.of(contracts))
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void servesEachContractAndTheAssetsWithoutTheInternet() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (int i = 0; i < SERVICES.size(); i++) {
        var yaml = get(http, "/docs/" + NAMES.get(i) + ".yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).isEqualTo(read(ServiceRoutes.contract(SERVICES.get(i))));
      }
      assertThat(get(http, "/docs").statusCode()).isEqualTo(308);
      var page = get(http, "/docs/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("swagger-ui/swagger-ui-bundle.js")
          .doesNotContain("https://");
      assertThat(get(http, "/docs/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
      assertThat(get(http, "/docs/nothing.yaml").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void listsEveryOperationOfEveryServiceInABrowser() {
    Optional<Path> driver = executable("chromedriver");
    Optional<Path> chromium = executable("chromium");
    assumeTrue(
        driver.isPresent() && chromium.isPresent(),
        "SKIPPED: no chromium/chromedriver on PATH; install Debian's chromium and chromium-driver"
            + " (.ci/run does when root) to check /docs in a browser");
    var options =
        new ChromeOptions()
            .setBinary(chromium.get().toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
    var service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(api.url() + "/docs");
      List<String> expected =
          SERVICES.stream()
              .flatMap(s -> routes(s).stream())
              .map(ApiRoute::routeKey)
              .distinct()
              .sorted()
              .toList();
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(b -> shown(b).size() >= expected.size());

      assertThat(shown(browser).stream().distinct().sorted().toList())
          .containsExactlyElementsOf(expected);
      for (String name : NAMES) {
        assertThat(browser.findElements(By.cssSelector("#ui-" + name + " .opblock")))
            .as("operations shown for " + name)
            .isNotEmpty();
      }
    } finally {
      browser.quit();
    }
  }

  /** "METHOD /path" of each operation block Swagger UI rendered. */
  private static List<String> shown(WebDriver browser) {
    return browser.findElements(By.cssSelector(".opblock-summary")).stream()
        .map(
            block ->
                block
                        .findElement(By.cssSelector(".opblock-summary-method"))
                        .getText()
                        .toUpperCase(Locale.ROOT)
                    + " "
                    + block
                        .findElement(By.cssSelector(".opblock-summary-path"))
                        .getAttribute("data-path"))
        .toList();
  }

  private static List<ApiRoute> routes(Class<?> handler) {
    return ServiceRoutes.of(handler);
  }

  private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String read(java.net.URL url) throws java.io.IOException {
    try (var in = url.openStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Optional<Path> executable(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
