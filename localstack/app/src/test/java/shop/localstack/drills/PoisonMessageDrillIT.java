package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.events.Topology;
import shop.localstack.app.LocalShop;
import shop.ops.OpsModule;
import shop.ops.cli.OpsCli;
import shop.platform.config.Config;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Drill 3, poison message: in one batch of welcome emails, the email provider refuses one address
 * every time. That message fails alone, reaches the DLQ after maxReceiveCount receives, and the
 * rest of the batch is sent once. Once the provider is fixed, the operator's replay sends it
 * exactly once, and a second replay moves nothing.
 */
@ExtendWith(DrillShop.class)
class PoisonMessageDrillIT {
  private static final int BATCH = 10;

  /**
   * What only the welcome email says: a registration also sends the address confirmation, which the
   * provider accepts for every address.
   */
  private static final String WELCOME = "Welcome to the shop";

  @Test
  void thePoisonGoesToTheDlqAloneAndItsReplaySendsOnce(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Sandbox sandbox = new Sandbox(shop, api);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String poison = "poison-" + run + "@example.com";
    String refusal =
        sandbox.stub(
            "{\"priority\":1,\"request\":{\"method\":\"POST\","
                + "\"urlPattern\":\"/(v2/email/outbound-emails|v3/mail/send)\","
                + "\"bodyPatterns\":[{\"contains\":\""
                + poison
                + "\"},{\"contains\":\""
                + WELCOME
                + "\"}]},\"response\":{\"status\":503,\"body\":\"provider down for this address\"}}");
    List<String> good = new ArrayList<>();
    try (SqsClient sqs = shop.cloud().endpoints().sqsClient()) {
      String queue = sqs.getQueueUrl(q -> q.queueName("shop-notifications")).queueUrl();
      shop.eventSourceMapping("notifications").pause();
      try {
        register(api, poison);
        for (int i = 1; i < BATCH; i++) {
          String email = "batch-" + run + "-" + i + "@example.com";
          register(api, email);
          good.add(email);
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> Queues.visible(sqs, queue) >= BATCH);
      } finally {
        shop.eventSourceMapping("notifications").resume();
      }

      OpsModule ops = new OpsModule(new Config(shop.cloud().config()));
      // Each failed receive waits out the visibility timeout (30 s in the long form).
      int maxReceives =
          Topology.shop().subscription("notifications").orElseThrow().maxReceiveCount();
      await()
          .atMost(
              Duration.ofSeconds(
                  Math.max(120, (maxReceives + 2L) * DrillShop.visibilitySeconds("notifications"))))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> ops(ops, "dlq", "show", "notifications", "--json").contains(poison));
      JsonNode letters =
          ShopClient.JSON.readTree(ops(ops, "dlq", "show", "notifications", "--json"));
      // Other drills share the shop and its DLQ: only this batch's letters count.
      List<JsonNode> batch = new ArrayList<>();
      letters.forEach(
          candidate -> {
            if (candidate.toString().contains(run)) {
              batch.add(candidate);
            }
          });
      assertThat(batch).as("only the poison is dead-lettered").hasSize(1);
      JsonNode letter = batch.getFirst();
      assertThat(letter.toString()).contains(poison);
      int receiveCount = letter.path("receiveCount").asInt();
      for (String email : good) {
        assertThat(welcomes(sandbox, email)).as(email).isEqualTo(1);
      }
      assertThat(welcomes(sandbox, poison)).isZero();

      sandbox.remove(refusal);
      String id = letter.get("eventId").asText();
      assertThat(ops(ops, "dlq", "replay", "notifications", "--id", id)).contains("replayed 1");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> welcomes(sandbox, poison) >= 1);
      String again = ops(ops, "dlq", "replay", "notifications", "--id", id);
      // Time for a duplicate to show itself: a redelivery after the visibility timeout.
      Thread.sleep(DrillShop.visibilitySeconds("notifications") * 1000L + 1000);
      long poisonSent = welcomes(sandbox, poison);
      Drill.report(
          "poison-message",
          "1 poison in a batch of %d welcome emails: DLQ with receive count %s (5 consumer receives plus the operator's inspections),"
              + " the other %d sent once each; after the fix, replay sent it %d time(s); a second"
              + " replay: %s",
          BATCH,
          receiveCount,
          good.size(),
          poisonSent,
          again.strip());
      assertThat(poisonSent).isEqualTo(1);
      assertThat(again).contains("replayed 0");
      for (String email : good) {
        assertThat(welcomes(sandbox, email)).as(email).isEqualTo(1);
      }
    } finally {
      sandbox.remove(refusal);
    }
  }

  private static long welcomes(Sandbox sandbox, String email) {
    return sandbox.emails().stream()
        .filter(body -> body.contains(email) && body.contains(WELCOME))
        .count();
  }

  private static void register(ShopClient api, String email) {
    api.register(email, "a long enough drill password");
  }

  private static String ops(OpsModule module, String... args) {
    StringWriter out = new StringWriter();
    new OpsCli(
            () -> module,
            new PrintWriter(out),
            new BufferedReader(new StringReader("")),
            Clock.systemUTC(),
            "drill")
        .run(args);
    return out.toString();
  }
}
