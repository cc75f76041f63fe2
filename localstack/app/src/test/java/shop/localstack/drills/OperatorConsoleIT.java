package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import shop.localstack.app.LocalShop;
import shop.localstack.app.seeds.DemoAdmin;
import shop.ops.OpsModule;
import shop.platform.config.Config;

/**
 * The operator console in a real browser (headless Chromium): the email provider refuses one
 * customer's order-received email, so that message reaches the notifications DLQ; the operator logs
 * in with the seeded admin's password and one-time code, finds it there with its failure reason,
 * sees the order's trail say dead-lettered, replays it once the provider is fixed, and sees the
 * trail move on to the replay and the email sent. Needs Debian's chromium and chromium-driver
 * (.ci/run installs them); skipped with a message without them. Screenshots on failure go to
 * target/console-*.png.
 */
@ExtendWith(DrillShop.class)
class OperatorConsoleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void anOperatorFindsAPoisonedMessageReplaysItAndSeesTheTrailMoveOn(LocalShop shop)
      throws Exception {
    Optional<Path> driver = executable("chromedriver");
    Optional<Path> chromium = executable("chromium");
    assumeTrue(
        driver.isPresent() && chromium.isPresent(),
        "SKIPPED: no chromium/chromedriver on PATH; install Debian's chromium and chromium-driver"
            + " (.ci/run does when root) to test the operator console in a browser");
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    Checkouts checkouts = new Checkouts(api, sandbox, new Stores(shop), "console");
    String refusal =
        sandbox.stub(
            "{\"priority\":1,\"request\":{\"method\":\"POST\","
                + "\"urlPattern\":\"/(v2/email/outbound-emails|v3/mail/send)\","
                + "\"bodyPatterns\":[{\"contains\":\""
                + checkouts.customer().email()
                + "\"},{\"contains\":\"We received your order\"}]},"
                + "\"response\":{\"status\":503,\"body\":\"provider down for this address\"}}");
    WebDriver browser = null;
    try {
      String order = checkouts.place(1, 1).getFirst();
      OpsModule ops = new OpsModule(new Config(shop.cloud().config()));
      // maxReceiveCount failed receives, each after the short visibility timeout of the drills.
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> OrderTrailIT.ops(ops, "trail", order).contains("dead-lettered"));
      // The trail counts the last failed receive; SQS moves the message to the DLQ only when it
      // would be received once more, a visibility timeout later.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  OrderTrailIT.ops(ops, "dlq", "show", "notifications", "--json").contains(order));

      browser = chrome(driver.get(), chromium.get());
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      browser.get(shop.apiUrl() + "/console/");
      browser.findElement(By.id("email")).sendKeys(DemoAdmin.EMAIL);
      browser.findElement(By.id("password")).sendKeys(DemoAdmin.PASSWORD);
      browser.findElement(By.id("otp")).sendKeys(DemoAdmin.otp());
      browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dlq-table")));

      // The poisoned message, decoded, with the reason its consumer recorded.
      showMessages(wait, "notifications");
      By letter =
          By.xpath("//table[@id='letter-table']//tr[td[4][normalize-space()='" + order + "']]");
      wait.until(ExpectedConditions.visibilityOfElementLocated(letter));
      List<WebElement> letters = browser.findElements(letter);
      assertThat(letters).isNotEmpty();
      assertThat(letters.getFirst().findElement(By.cssSelector("td.reason")).getText())
          .isNotBlank()
          .isNotEqualTo("unknown");

      // The trail before: the notification dead-lettered.
      String before = trail(browser, wait, order);
      assertThat(before).contains("dead-lettered").doesNotContain("replayed");

      // Fixed: replay it, confirmed.
      sandbox.remove(refusal);
      WebElement shownBefore = browser.findElement(letter);
      browser.findElement(By.cssSelector("nav a[href='#dlqs']")).click();
      showMessages(wait, "notifications");
      // The rows of the first visit give way to those read now.
      wait.until(ExpectedConditions.stalenessOf(shownBefore));
      wait.until(ExpectedConditions.visibilityOfElementLocated(letter));
      for (WebElement row : browser.findElements(letter)) {
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
      }
      browser.findElement(By.id("replay")).click();
      wait.until(ExpectedConditions.alertIsPresent()).accept();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("letters-result"), "Replayed"));
      assertThat(browser.findElement(By.id("letters-result")).getText())
          .doesNotContain("Replayed 0");

      // The trail moves on: the replay, then the email sent.
      browser.findElement(By.cssSelector("nav a[href='#orders']")).click();
      WebDriver page = browser;
      new WebDriverWait(browser, Duration.ofSeconds(120))
          .pollingEvery(Duration.ofSeconds(2))
          .until(
              b -> {
                page.findElement(By.id("order-id")).clear();
                page.findElement(By.id("order-id")).sendKeys(order);
                page.findElement(By.cssSelector("#order-form button[type=submit]")).click();
                String text = page.findElement(By.id("timeline")).getText();
                return text.contains("replayed") && text.contains("order-received · SENT");
              });

      // The metrics page charts GET /admin/metrics: the console's own calls are among the routes.
      browser.findElement(By.cssSelector("nav a[href='#metrics']")).click();
      wait.until(b -> !b.findElements(By.cssSelector("#metrics-body svg")).isEmpty());
      assertThat(browser.findElement(By.id("metrics-body")).getText())
          .contains("Requests per second by route", "Dead-letter queue depth");
      assertThat(
              browser
                  .findElement(By.cssSelector("svg[aria-label^='Requests per second by route']"))
                  .getAttribute("aria-label"))
          .contains("GET /admin/dlqs");
    } catch (Exception | AssertionError e) {
      screenshot(browser, "failure");
      throw e;
    } finally {
      sandbox.remove(refusal);
      if (browser != null) {
        browser.quit();
      }
    }
  }

  /** Clicks "Show messages of {@code consumer}", again if the queue list was redrawn meanwhile. */
  private static void showMessages(WebDriverWait wait, String consumer) {
    By button = By.xpath("//button[normalize-space()='Show messages of " + consumer + "']");
    wait.until(
        b -> {
          try {
            b.findElement(button).click();
            return true;
          } catch (StaleElementReferenceException | NoSuchElementException e) {
            return false;
          }
        });
  }

  /** The order's trail as the Orders page shows it. */
  private static String trail(WebDriver browser, WebDriverWait wait, String order) {
    browser.findElement(By.cssSelector("nav a[href='#orders']")).click();
    WebElement id = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-id")));
    id.clear();
    id.sendKeys(order);
    browser.findElement(By.cssSelector("#order-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trail-title"), order));
    wait.until(b -> !b.findElement(By.id("timeline")).getText().isBlank());
    return browser.findElement(By.id("timeline")).getText();
  }

  private static WebDriver chrome(Path driver, Path chromium) {
    var options =
        new ChromeOptions()
            .setBinary(chromium.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1600");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    return new ChromeDriver(service, options);
  }

  private static void screenshot(WebDriver browser, String name) {
    if (browser instanceof TakesScreenshot camera) {
      try {
        Path shot = camera.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(
            shot,
            Path.of("target", "console-" + name + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (Exception e) {
        System.err.println("no screenshot: " + e);
      }
    }
  }

  private static Optional<Path> executable(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
