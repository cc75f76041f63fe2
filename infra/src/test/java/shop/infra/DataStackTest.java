package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {
  private final SynthesizedShop shop = SynthesizedShop.get();
  private final Template template = shop.template(shop.stacks.data());

  @Test
  void auroraPostgresServerlessV2Encrypted() {
    template.hasResourceProperties(
        "AWS::RDS::DBCluster",
        Map.of(
            "Engine",
            "aurora-postgresql",
            "StorageEncrypted",
            true,
            "DeletionProtection",
            true,
            "ServerlessV2ScalingConfiguration",
            Match.objectLike(Map.of("MinCapacity", 0.5))));
    template.resourcePropertiesCountIs(
        "AWS::RDS::DBInstance", Map.of("DBInstanceClass", "db.serverless"), 2);
  }

  @Test
  void proxyRequiresTlsAndAdmitsTheFunctionsOnly() {
    template.hasResourceProperties(
        "AWS::RDS::DBProxy", Map.of("EngineFamily", "POSTGRESQL", "RequireTLS", true));
    template.hasResourceProperties(
        "AWS::EC2::SecurityGroupIngress",
        Map.of(
            "FromPort", 5432,
            "ToPort", 5432,
            "SourceSecurityGroupId",
                Map.of(
                    "Fn::GetAtt",
                    List.of(Match.stringLikeRegexp("FunctionsSecurityGroup.*"), "GroupId"))));
  }

  @Test
  void aDeployStepMakesEachDatabaseAndItsRolesAndTheDataApiIsOff() {
    template.hasResourceProperties("AWS::RDS::DBCluster", Map.of("EnableHttpEndpoint", false));
    template.resourceCountIs("Custom::ShopDatabase", 0);
    template.resourceCountIs("Custom::Trigger", 1);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "FunctionName",
            "shop-data-database-roles",
            "Handler",
            "shop.platform.postgres.DatabaseRolesHandler::handleRequest",
            "VpcConfig",
            Match.objectLike(Map.of()),
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        "DATABASE_USER",
                        DataStack.ADMIN_USER,
                        "DATABASE_SERVICES",
                        String.join(",", DataStack.DATABASE_SERVICES),
                        "DATABASE_USER_NAME",
                        "shop_user",
                        "DATABASE_TRANSACTION_NAME",
                        "shop_transaction")))));
  }

  @Test
  void eachRoleLogsInThroughTheProxyWithItsOwnGeneratedSecret() {
    for (String service : DataStack.DATABASE_SERVICES) {
      for (String kind : List.of("migration", "runtime")) {
        template.hasResourceProperties(
            "AWS::SecretsManager::Secret",
            Map.of(
                "Name",
                "shop/database/" + service + "-" + kind,
                "GenerateSecretString",
                Match.objectLike(
                    Map.of(
                        "SecretStringTemplate",
                        "{\"username\":\"" + service + "_" + kind + "\"}"))));
      }
    }
    Map<String, Map<String, Object>> proxies = template.findResources("AWS::RDS::DBProxy");
    @SuppressWarnings("unchecked")
    List<Object> auth =
        (List<Object>)
            ((Map<String, Object>) proxies.values().iterator().next().get("Properties"))
                .get("Auth");
    assertThat(auth).hasSize(1 + 2 * DataStack.DATABASE_SERVICES.size());
  }

  @Test
  void theNatGatewayHasOneAddressOfOursForAtlasToAdmit() {
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
    template.hasResourceProperties(
        "AWS::EC2::NatGateway",
        Map.of(
            "AllocationId",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NatAddress.*"), "AllocationId"))));
    template.hasOutput(
        "NatPublicIp",
        Map.of(
            "Value",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NatAddress.*"), "PublicIp"))));
  }

  @Test
  void vpcFlowLogs() {
    template.resourceCountIs("AWS::EC2::FlowLog", 1);
  }
}
