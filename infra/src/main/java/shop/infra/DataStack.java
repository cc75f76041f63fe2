package shop.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The relational data of the user and transaction services: a VPC, Aurora PostgreSQL Serverless v2
 * with one database per service, and an RDS Proxy in front of it that the services' functions reach
 * from their own security group.
 */
public final class DataStack extends Stack {
  /** The services with a PostgreSQL database of their own. */
  static final List<String> DATABASE_SERVICES = List.of("user", "transaction");

  static final String ADMIN_USER = "shop_admin";
  private static final int PORT = 5432;

  private final Vpc vpc;
  private final SecurityGroup functions;
  private final DatabaseCluster cluster;
  private final DatabaseProxy proxy;
  private final Map<String, AwsCustomResource> databases = new LinkedHashMap<>();

  DataStack(Construct scope, String id, StackProps props, DeploymentConfig config) {
    super(scope, id, props);
    vpc =
        Vpc.Builder.create(this, "Vpc")
            .maxAzs(2)
            // One NAT gateway: functions in the VPC reach EventBridge, Secrets Manager, Stripe.
            .natGateways(1)
            .subnetConfiguration(
                List.of(
                    subnet("public", SubnetType.PUBLIC),
                    subnet("functions", SubnetType.PRIVATE_WITH_EGRESS),
                    subnet("database", SubnetType.PRIVATE_ISOLATED)))
            .build();
    vpc.addFlowLog(
        "FlowLog",
        FlowLogOptions.builder()
            .destination(
                FlowLogDestination.toCloudWatchLogs(
                    LogGroup.Builder.create(this, "FlowLogs")
                        .retention(config.logRetention())
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build()))
            .build());

    functions =
        SecurityGroup.Builder.create(this, "FunctionsSecurityGroup")
            .vpc(vpc)
            .description("Lambda functions that reach the database through the proxy")
            .allowAllOutbound(true)
            .build();
    SecurityGroup proxySecurityGroup =
        SecurityGroup.Builder.create(this, "ProxySecurityGroup")
            .vpc(vpc)
            .description("RDS Proxy: PostgreSQL from the functions only")
            .allowAllOutbound(false)
            .build();
    SecurityGroup databaseSecurityGroup =
        SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
            .vpc(vpc)
            .description("Aurora: PostgreSQL from the proxy only")
            .allowAllOutbound(false)
            .build();
    proxySecurityGroup.addIngressRule(functions, Port.tcp(PORT), "functions to the proxy");
    databaseSecurityGroup.addIngressRule(
        proxySecurityGroup, Port.tcp(PORT), "proxy to the database");
    proxySecurityGroup.addEgressRule(
        databaseSecurityGroup, Port.tcp(PORT), "proxy to the database");

    cluster =
        DatabaseCluster.Builder.create(this, "Aurora")
            .engine(
                DatabaseClusterEngine.auroraPostgres(
                    AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_17_6)
                        .build()))
            .credentials(Credentials.fromGeneratedSecret(ADMIN_USER))
            .writer(ClusterInstance.serverlessV2("writer"))
            .readers(
                List.of(
                    ClusterInstance.serverlessV2(
                        "reader",
                        ServerlessV2ClusterInstanceProps.builder().scaleWithWriter(true).build())))
            .serverlessV2MinCapacity(0.5)
            .serverlessV2MaxCapacity(8)
            .vpc(vpc)
            .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
            .securityGroups(List.of(databaseSecurityGroup))
            .port(PORT)
            .storageEncrypted(true)
            .iamAuthentication(true)
            .deletionProtection(true)
            .enableDataApi(true)
            .cloudwatchLogsExports(List.of("postgresql"))
            .backup(BackupProps.builder().retention(Duration.days(14)).build())
            .removalPolicy(RemovalPolicy.SNAPSHOT)
            .build();

    NagFindings.onResource(
        cluster,
        "AwsSolutions-SMG4",
        "The functions read the password from this secret when they start (with SnapStart: when a"
            + " version is published) and keep it; rotating it would break them until the next"
            + " deploy. Rotation comes with IAM authentication through the proxy");
    proxy =
        cluster.addProxy(
            "Proxy",
            DatabaseProxyOptions.builder()
                .vpc(vpc)
                .vpcSubnets(
                    SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(proxySecurityGroup))
                .secrets(List.of(cluster.getSecret()))
                .requireTls(true)
                .build());

    for (String service : DATABASE_SERVICES) {
      databases.put(service, createDatabase(service));
    }
  }

  /**
   * Creates the service's database through the RDS Data API once, when the stack is created (the
   * service's migration then creates its tables).
   */
  private AwsCustomResource createDatabase(String service) {
    String name = databaseName(service);
    AwsCustomResource create =
        AwsCustomResource.Builder.create(this, "Database-" + service)
            .resourceType("Custom::ShopDatabase")
            .installLatestAwsSdk(false)
            .onCreate(
                AwsSdkCall.builder()
                    .service("RDSData")
                    .action("executeStatement")
                    .parameters(
                        Map.of(
                            "resourceArn", cluster.getClusterArn(),
                            "secretArn", cluster.getSecret().getSecretArn(),
                            "sql", "CREATE DATABASE " + name))
                    .physicalResourceId(PhysicalResourceId.of(name))
                    .build())
            .policy(
                AwsCustomResourcePolicy.fromSdkCalls(
                    SdkCallsPolicyOptions.builder()
                        .resources(List.of(cluster.getClusterArn()))
                        .build()))
            .build();
    cluster.getSecret().grantRead(create);
    create.getNode().addDependency(cluster);
    return create;
  }

  private static SubnetConfiguration subnet(String name, SubnetType type) {
    return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(24).build();
  }

  static String databaseName(String service) {
    return "shop_" + service;
  }

  /** The JDBC URL of {@code service}'s database through the proxy. */
  public String jdbcUrl(String service) {
    return "jdbc:postgresql://"
        + proxy.getEndpoint()
        + ":"
        + PORT
        + "/"
        + databaseName(service)
        + "?sslmode=require";
  }

  /** The admin credentials (JSON with {@code username} and {@code password}) that RDS made. */
  public ISecret credentials() {
    return cluster.getSecret();
  }

  /** The step after which {@code service}'s database exists. */
  public Construct databaseCreated(String service) {
    return databases.get(service);
  }

  public Vpc vpc() {
    return vpc;
  }

  public SecurityGroup functionsSecurityGroup() {
    return functions;
  }

  public DatabaseCluster cluster() {
    return cluster;
  }

  public DatabaseProxy proxy() {
    return proxy;
  }
}
