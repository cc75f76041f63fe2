package shop.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.ops.MisreportingSqs;
import shop.ops.OpsModule;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.TestTokens;

/** Against a local SQS endpoint: what the API answers when a use case fails unexpectedly. */
class OpsApiIT {
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
  void anIllegalArgumentFromAUseCaseIsOurBugNotTheClients() {
    var request = ApiEvents.request("GET /admin/dlqs").bearer(TestTokens.admin("a-1")).build();

    var response = ContractCheck.of("openapi.yaml").around(api).handleRequest(request, null);

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(response.getBody())
        .contains(request.getRequestContext().getRequestId())
        .doesNotContain("lots");
  }
}
