package shop.localstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The local Invoke API, called with the AWS SDK's own Lambda client as ops calls it. */
class LocalLambdaIT {
  private static LocalHttpApi api;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    api =
        LocalHttpApi.create(
                0,
                List.of(),
                List.of(
                    new LocalSigner(
                        "test-key", "test-secret", "arn:aws:iam::000000000000:role/ops-api")),
                "eu-west-1",
                () -> true)
            .invoking(
                LocalLambda.of(
                    Map.of(
                        "shop-product-outbox-ops",
                        (in, out, context) ->
                            out.write(
                                ("{\"echo\":"
                                        + new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                        + ",\"function\":\""
                                        + context.getFunctionName()
                                        + "\"}")
                                    .getBytes(StandardCharsets.UTF_8)),
                        "shop-user-outbox-ops",
                        (in, out, context) -> {
                          throw new IllegalArgumentException("unknown action 'purge'");
                        }),
                    "test-key",
                    "test-secret",
                    "eu-west-1"))
            .start();
    lambda = client("test-key", "test-secret");
  }

  @AfterAll
  static void stop() {
    lambda.close();
    api.close();
  }

  @Test
  void runsTheFunctionOnThePayloadAndAnswersItsOutput() {
    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName("shop-product-outbox-ops")
                    .payload(SdkBytes.fromUtf8String("{\"action\":\"list\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    assertThat(response.payload().asUtf8String())
        .isEqualTo("{\"echo\":{\"action\":\"list\"},\"function\":\"shop-product-outbox-ops\"}");
  }

  @Test
  void takesAQualifiedNameOrAnArn() {
    assertThat(
            lambda
                .invoke(
                    r ->
                        r.functionName("shop-product-outbox-ops")
                            .qualifier("live")
                            .payload(SdkBytes.fromUtf8String("1")))
                .payload()
                .asUtf8String())
        .startsWith("{\"echo\":1");
    assertThat(
            lambda
                .invoke(
                    r ->
                        r.functionName(
                                "arn:aws:lambda:eu-west-1:000000000000:function:shop-product-outbox-ops")
                            .payload(SdkBytes.fromUtf8String("2")))
                .payload()
                .asUtf8String())
        .startsWith("{\"echo\":2");
  }

  @Test
  void aFunctionThatThrowsIsAFunctionErrorAsLambdaAnswersIt() {
    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName("shop-user-outbox-ops")
                    .payload(SdkBytes.fromUtf8String("{\"action\":\"purge\"}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(response.payload().asUtf8String())
        .contains("\"errorMessage\":\"unknown action 'purge'\"")
        .contains("\"errorType\":\"java.lang.IllegalArgumentException\"");
  }

  @Test
  void anUnknownFunctionIsResourceNotFound() {
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("shop-nothing-outbox-ops")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Function not found");
  }

  @Test
  void refusesARequestSignedWithOtherCredentials() {
    try (LambdaClient stranger = client("test-key", "not-the-secret")) {
      assertThatThrownBy(() -> stranger.invoke(r -> r.functionName("shop-product-outbox-ops")))
          .isInstanceOf(LambdaException.class)
          .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(403));
    }
  }

  private static LambdaClient client(String key, String secret) {
    return LambdaClient.builder()
        .endpointOverride(api.url())
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
