package shop.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.ops.MisreportingSqs;
import shop.ops.OpsModule;
import shop.platform.config.AwsClients;
import shop.platform.snapstart.Priming;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.TestTokens;

/** SnapStart's priming of the operator API: its reads' SDK paths run, and nothing is sent. */
class OpsPrimingIT {
  private static MisreportingSqs sqs;
  private static OpsApi api;

  @BeforeAll
  static void start() throws Exception {
    sqs = new MisreportingSqs();
    api = new OpsApi(new OpsModule(sqs.config(), TestTokens.verifier()));
  }

  @AfterAll
  static void stop() {
    sqs.close();
  }

  @Test
  void primingRunsTheDeadLetterListingsSqsRequestWithoutSendingIt() {
    long primed = AwsClients.primedRequests();

    Priming.primeAll();

    assertThat(AwsClients.primedRequests() - primed)
        .as(
            "the DLQ listing's SQS request, a count's, and the audit log's DynamoDB query, refused"
                + " unsent")
        .isGreaterThanOrEqualTo(3);
    assertThat(sqs.received()).as("requests that reached SQS").isZero();

    var request = ApiEvents.request("GET /admin/dlqs").bearer(TestTokens.admin("a-1")).build();
    api.handleRequest(request, null);
    assertThat(sqs.received()).as("after priming the same client reaches SQS").isPositive();
  }
}
