package shop.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.platform.config.SecretReferences;
import shop.platform.postgres.DatabaseRoles;
import shop.platform.postgres.DatabaseRolesHandler;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.CfnEIP;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.NatGatewayProps;
import software.amazon.awscdk.services.ec2.NatProvider;
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
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.triggers.InvocationType;
import software.amazon.awscdk.triggers.Trigger;
import software.constructs.Construct;

/**
 * The relational data of the user and transaction services: a VPC, Aurora PostgreSQL Serverless v2
 * with one database per service, and an RDS Proxy in front of it that the services' functions reach
 * from their own security group. Each service has a migration role (owns its database) and a
 * runtime role (its tables' rows only), each with a generated secret; only the deploy step that
 * creates them sees the master secret.
 */
public final class DataStack extends Stack {
  /** The services with a PostgreSQL database of their own. */
  static final List<String> DATABASE_SERVICES = List.of("user", "transaction");

  static final String ADMIN_USER = "shop_admin";

  /** The database every PostgreSQL server has; the roles step connects to it first. */
  static final String MAINTENANCE_DATABASE = "postgres";

  private static final int PORT = 5432;

  /** The roles step runs a few statements over one JDBC connection at a time. */
  private static final int ROLES_STEP_MEMORY_MB = 512;

  private final Vpc vpc;
  private final SecurityGroup functions;
  private final DatabaseCluster cluster;
  private final DatabaseProxy proxy;
  private final Map<String, DatabaseSecret> migrationCredentials = new LinkedHashMap<>();
  private final Map<String, DatabaseSecret> runtimeCredentials = new LinkedHashMap<>();
  private final Trigger rolesReady;

  DataStack(
      Construct scope,
      String id,
      StackProps props,
      DeploymentConfig config,
      LambdaJars jars,
      ITopic alarms) {
    super(scope, id, props);
    CfnEIP natAddress = CfnEIP.Builder.create(this, "NatAddress").domain("vpc").build();
    CfnOutput.Builder.create(this, "NatPublicIp")
        .description(
            "The address the functions reach the internet from: MongoDB Atlas's IP access list"
                + " (docs/DEPLOY.md)")
        .value(natAddress.getAttrPublicIp())
        .build();
    vpc =
        Vpc.Builder.create(this, "Vpc")
            .maxAzs(2)
            // One NAT gateway: functions in the VPC reach EventBridge, Secrets Manager, Stripe,
            // MongoDB Atlas, from one address of ours that Atlas's access list admits.
            .natGateways(1)
            .natGatewayProvider(
                NatProvider.gateway(
                    NatGatewayProps.builder()
                        .eipAllocationIds(List.of(natAddress.getAttrAllocationId()))
                        .build()))
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
            // Nothing queries over HTTP: the Data API would be a way in that bypasses the roles.
            .enableDataApi(false)
            .cloudwatchLogsExports(List.of("postgresql"))
            .backup(BackupProps.builder().retention(Duration.days(14)).build())
            .removalPolicy(RemovalPolicy.SNAPSHOT)
            .build();

    NagFindings.onResource(
        cluster,
        "AwsSolutions-SMG4",
        "The master password is used by the database-roles deploy step alone, which reads it each"
            + " time it runs; the operator rotates it with RDS's own rotation when needed"
            + " (docs/DEPLOY.md, Operating)");
    for (String service : DATABASE_SERVICES) {
      migrationCredentials.put(
          service, roleSecret(service, "migration", DatabaseRoles.migrationRole(service)));
      runtimeCredentials.put(
          service, roleSecret(service, "runtime", DatabaseRoles.runtimeRole(service)));
    }
    List<ISecret> logins = new ArrayList<>();
    logins.add(cluster.getSecret());
    logins.addAll(migrationCredentials.values());
    logins.addAll(runtimeCredentials.values());
    proxy =
        cluster.addProxy(
            "Proxy",
            DatabaseProxyOptions.builder()
                .vpc(vpc)
                .vpcSubnets(
                    SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(proxySecurityGroup))
                // Each role logs in through the proxy with its own secret.
                .secrets(logins)
                .requireTls(true)
                .build());
    rolesReady = databaseRoles(config, jars, alarms);
  }

  /**
   * The deploy step that creates each service's database and roles as the master user ({@link
   * DatabaseRolesHandler}): the one function that may read the master secret. It runs again
   * whenever its configuration changes; it is idempotent.
   */
  private Trigger databaseRoles(DeploymentConfig config, LambdaJars jars, ITopic alarms) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", url(MAINTENANCE_DATABASE));
    env.put("DATABASE_USER", ADMIN_USER);
    env.put("DATABASE_PASSWORD", reference(cluster.getSecret(), "password"));
    env.put("DATABASE_SERVICES", String.join(",", DATABASE_SERVICES));
    List<ISecret> readable = new ArrayList<>(List.of(cluster.getSecret()));
    for (String service : DATABASE_SERVICES) {
      String prefix = "DATABASE_" + service.toUpperCase(Locale.ROOT) + "_";
      env.put(prefix + "NAME", databaseName(service));
      env.put(
          prefix + "MIGRATION_PASSWORD", reference(migrationCredentials.get(service), "password"));
      env.put(prefix + "RUNTIME_PASSWORD", reference(runtimeCredentials.get(service), "password"));
      readable.add(migrationCredentials.get(service));
      readable.add(runtimeCredentials.get(service));
    }
    ShopFunction function =
        new ShopFunction(
            this,
            "DatabaseRoles",
            new ShopFunction.Props(
                "shop-data-database-roles",
                DatabaseRolesHandler.class.getName(),
                // Every PostgreSQL service's jar carries the platform.
                jars.code(DATABASE_SERVICES.get(0)),
                ROLES_STEP_MEMORY_MB,
                Duration.minutes(2),
                env,
                new ShopFunction.Network(vpc, functions),
                config,
                alarms));
    readable.forEach(secret -> secret.grantRead(function));
    return Trigger.Builder.create(this, "DatabaseRolesOnDeploy")
        .handler(function.function())
        .invocationType(InvocationType.REQUEST_RESPONSE)
        .timeout(Duration.minutes(5))
        .executeAfter(List.of(cluster, proxy))
        .build();
  }

  /** A generated login of {@code role}; the proxy and the role's functions read it. */
  private DatabaseSecret roleSecret(String service, String kind, String role) {
    DatabaseSecret secret =
        DatabaseSecret.Builder.create(this, "Credentials-" + service + "-" + kind)
            .secretName("shop/database/" + service + "-" + kind)
            .username(role)
            .build();
    NagFindings.onResource(
        secret,
        "AwsSolutions-SMG4",
        "Set on the role by the database-roles deploy step and read by the role's functions when"
            + " they start: a rotation Lambda would change neither; the operator rotates by writing a"
            + " new password and running that step (docs/DEPLOY.md, Operating)");
    return secret;
  }

  private static String reference(ISecret secret, String field) {
    return SecretReferences.reference(secret.getSecretArn(), field);
  }

  private static SubnetConfiguration subnet(String name, SubnetType type) {
    return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(24).build();
  }

  static String databaseName(String service) {
    return "shop_" + service;
  }

  /**
   * The JDBC URL of {@code service}'s database through the proxy. TLS verifies the proxy's
   * certificate and name: RDS Proxy presents an ACM certificate (Amazon Trust Services), which the
   * JVM's default trust store knows, so the driver uses the JVM's trust store rather than a CA
   * file.
   */
  public String jdbcUrl(String service) {
    return url(databaseName(service));
  }

  private String url(String database) {
    return "jdbc:postgresql://"
        + proxy.getEndpoint()
        + ":"
        + PORT
        + "/"
        + database
        + "?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory";
  }

  /** The login of {@code service}'s migrations: the owner of its database. */
  public ISecret migrationCredentials(String service) {
    return migrationCredentials.get(service);
  }

  /** The login of {@code service}'s functions: rows of its own tables, nothing more. */
  public ISecret runtimeCredentials(String service) {
    return runtimeCredentials.get(service);
  }

  /** The step after which every service's database and roles exist. */
  public Construct databaseReady() {
    return rolesReady;
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
