package shop.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code ./shop synth} runs {@link #main} and writes the CloudFormation templates to
 * {@code infra/cdk.out} (or {@code CDK_OUTDIR}). Stacks are environment-agnostic: the account and
 * region come from the credentials of the deploying role.
 */
public final class ShopApp {
  private ShopApp() {}

  /** Every stack of one app. */
  public record Stacks(
      SharedStack shared,
      DataStack data,
      ProductStack product,
      UserStack user,
      TransactionStack transaction,
      NotificationStack notification,
      OpsStack ops,
      ApiStageStack apiStage,
      MonitoringStack monitoring) {

    List<software.amazon.awscdk.Stack> all() {
      return List.of(
          shared, data, product, user, transaction, notification, ops, apiStage, monitoring);
    }
  }

  public static void main(String[] args) {
    App app = new App();
    try {
      DeploymentConfig.from(app.getNode());
    } catch (IllegalArgumentException e) {
      // A setting the deployment must give (shop:corsOrigins) or gave wrong: say which, no trace.
      System.err.println("shop synth: " + e.getMessage());
      System.exit(2);
    }
    build(app, LambdaJars.inRepository(LambdaJars.repositoryRoot()));
    app.synth();
  }

  /** Adds every stack to {@code app}, checked by cdk-nag's AwsSolutions pack. */
  public static Stacks build(App app, LambdaJars jars) {
    DeploymentConfig config = DeploymentConfig.from(app.getNode());
    StackProps props = StackProps.builder().description("shop: serverless e-commerce").build();
    SharedStack shared = new SharedStack(app, "shop-shared", props, config);
    DataStack data = new DataStack(app, "shop-data", props, config, jars, shared.alarms());
    ProductStack product = new ProductStack(app, props, shared, data, jars);
    TransactionStack transaction = new TransactionStack(app, props, shared, data, jars);
    // Checkout, and nothing else, asks product for price quotes.
    product.allowPriceQuotesFrom(transaction.api());
    UserStack user = new UserStack(app, props, shared, data, jars);
    NotificationStack notification = new NotificationStack(app, props, shared, jars);
    OpsStack ops = new OpsStack(app, props, shared, jars);
    Stacks stacks =
        new Stacks(
            shared,
            data,
            product,
            user,
            transaction,
            notification,
            ops,
            new ApiStageStack(
                app, props, shared, config, List.of(product, user, transaction, notification, ops)),
            new MonitoringStack(app, props, shared));
    Tags.of(app).add("project", "shop");
    stacks.all().forEach(NagFindings::suppress);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    return stacks;
  }
}
