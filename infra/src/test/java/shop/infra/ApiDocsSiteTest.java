package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.http.ApiReferenceSite;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiDocsSiteTest {
  private final SynthesizedShop shop = SynthesizedShop.get();
  private final Template template = shop.template(shop.stacks.shared());

  @Test
  void publishesTheReferenceFromAPrivateBucketThroughCloudFrontOverHttps() {
    template.hasResourceProperties(
        "AWS::CloudFront::Distribution",
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "Comment",
                    "shop API reference",
                    "DefaultRootObject",
                    "index.html",
                    "DefaultCacheBehavior",
                    Match.objectLike(
                        Map.of(
                            "ViewerProtocolPolicy",
                            "redirect-to-https",
                            "AllowedMethods",
                            List.of("GET", "HEAD"))),
                    "Origins",
                    List.of(
                        Match.objectLike(Map.of("OriginAccessControlId", Match.anyValue())))))));
    template.hasOutput("ApiDocsUrl", Map.of("Value", Match.anyValue()));
  }

  @Test
  void eachDeployReplacesTheFilesAndInvalidatesTheCache() {
    template.hasResourceProperties(
        "Custom::CDKBucketDeployment",
        Map.of(
            "DistributionPaths", List.of("/*"),
            "SourceObjectKeys", Match.anyValue(),
            "DistributionId", Match.anyValue()));
  }

  @Test
  void theSiteIsThePageTheLocalApiServesWithEveryServicesContract() {
    var files =
        ApiReferenceSite.of(
                Map.of("product", ServiceContract.text(shop.product.ProductModule.class)))
            .files();

    assertThat(files)
        .containsKeys(
            "index.html",
            "product.yaml",
            "swagger-ui/swagger-ui.css",
            "swagger-ui/swagger-ui-bundle.js");
    assertThat(new String(files.get("index.html"), StandardCharsets.UTF_8))
        .contains("url: 'product.yaml'")
        .doesNotContain("http://", "https://");
  }
}
