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
  void onePrivateDatabasePerService() {
    template.resourceCountIs("Custom::ShopDatabase", DataStack.DATABASE_SERVICES.size());
    String json = template.findResources("Custom::ShopDatabase").toString();
    for (String service : DataStack.DATABASE_SERVICES) {
      assertThat(json).contains("CREATE DATABASE " + DataStack.databaseName(service));
    }
  }

  @Test
  void vpcFlowLogs() {
    template.resourceCountIs("AWS::EC2::FlowLog", 1);
  }
}
