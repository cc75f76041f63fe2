package shop.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.ops.adapter.DynamoDbOrderTrails;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The operator console and the order trail in the cloud: ops stack and shared stack. */
class OperatorConsoleSiteTest {
  private final SynthesizedShop shop = SynthesizedShop.get();
  private final Template ops = shop.template(shop.stacks.ops());

  @Test
  void servesTheConsoleFromAPrivateBucketAndPassesTheApisPathsUncached() {
    ops.hasResourceProperties(
        "AWS::CloudFront::Distribution",
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "Comment",
                    "shop operator console",
                    "DefaultRootObject",
                    "index.html",
                    "DefaultCacheBehavior",
                    Match.objectLike(
                        Map.of(
                            "ViewerProtocolPolicy",
                            "redirect-to-https",
                            "AllowedMethods",
                            List.of("GET", "HEAD"))),
                    "CacheBehaviors",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "PathPattern",
                                    "/admin/*",
                                    "ViewerProtocolPolicy",
                                    "https-only",
                                    "CachePolicyId",
                                    Match.anyValue(),
                                    "OriginRequestPolicyId",
                                    Match.anyValue())),
                            Match.objectLike(Map.of("PathPattern", "/auth/*"))))))));
    ops.hasResourceProperties(
        "Custom::CDKBucketDeployment", Map.of("DistributionPaths", List.of("/*")));
    ops.hasOutput("ConsoleUrl", Map.of("Value", Match.anyValue()));
  }

  @Test
  void theTrailConsumerHasItsFunctionAndTheTrailTableExpires() {
    ops.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "FunctionName",
            "shop-ops-trail-events",
            "Handler",
            "shop.ops.api.TrailEventsHandler::handleRequest"));
    shop.template(shop.stacks.shared())
        .hasResourceProperties(
            "AWS::DynamoDB::Table",
            Map.of(
                "TableName",
                DynamoDbOrderTrails.TABLE,
                "TimeToLiveSpecification",
                Map.of("AttributeName", DynamoDbOrderTrails.TTL_ATTRIBUTE, "Enabled", true)));
  }
}
