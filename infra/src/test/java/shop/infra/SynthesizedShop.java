package shop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The app, synthesized once per test JVM (a synth takes tens of seconds and about 1 GB): every test
 * reads the templates of this one cloud assembly. The assertions library's {@code
 * Template.fromStack} and {@code Annotations.fromStack} would synthesize again on every call.
 */
final class SynthesizedShop {
  /** The storefront origin the test deployment allows (a deployment must name its own). */
  static final String STOREFRONT = "https://shop.example.com";

  private static SynthesizedShop instance;

  final ShopApp.Stacks stacks;
  private final CloudAssembly assembly;
  private final Map<String, Template> templates = new HashMap<>();

  private SynthesizedShop() {
    Path out = Path.of("target", "cdk-test.out").toAbsolutePath();
    App app =
        App.Builder.create()
            .outdir(out.toString())
            .context(Map.of(DeploymentConfig.CORS_ORIGINS, STOREFRONT))
            .build();
    stacks = ShopApp.build(app, jarsOrPlaceholders());
    assembly = app.synth();
  }

  static synchronized SynthesizedShop get() {
    if (instance == null) {
      instance = new SynthesizedShop();
    }
    return instance;
  }

  @SuppressWarnings("unchecked")
  Template template(Stack stack) {
    return templates.computeIfAbsent(
        stack.getStackName(),
        name -> Template.fromJSON((Map<String, Object>) artifact(stack).getTemplate()));
  }

  /** The AwsSolutions errors and warnings cdk-nag left on {@code stack}, one line each. */
  List<String> nagFindings(Stack stack) {
    CloudFormationStackArtifact artifact = artifact(stack);
    return java.util.stream.Stream.of("aws:cdk:error", "aws:cdk:warning")
        .flatMap(type -> artifact.findMetadataByType(type).stream())
        .map(entry -> entry.getPath() + " " + entry.getData())
        .filter(line -> line.contains("AwsSolutions-"))
        .toList();
  }

  private CloudFormationStackArtifact artifact(Stack stack) {
    return assembly.getStackByName(stack.getStackName());
  }

  /**
   * The service jars that {@code package} built; for a module whose jar is absent (a test run
   * without the reactor's package phase) a small placeholder zip, said so on stderr. Never
   * deployed: only tests use it.
   */
  private static LambdaJars jarsOrPlaceholders() {
    LambdaJars real = LambdaJars.inRepository(LambdaJars.repositoryRoot());
    return LambdaJars.at(
        module -> {
          Path jar = real.path(module);
          if (Files.isRegularFile(jar)) {
            return jar;
          }
          System.err.println(
              "NOTE: "
                  + jar
                  + " is absent; this test synthesizes "
                  + module
                  + " with a placeholder");
          return placeholder(module);
        });
  }

  private static Path placeholder(String module) {
    Path jar = Path.of("target", "placeholder-jars", module + "-lambda.jar").toAbsolutePath();
    try {
      Files.createDirectories(jar.getParent());
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
        zip.putNextEntry(new ZipEntry("PLACEHOLDER.txt"));
        zip.write(("test placeholder for " + module + "; not a deployable jar\n").getBytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }
}
