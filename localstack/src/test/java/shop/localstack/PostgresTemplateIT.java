package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTemplateIT {
  @TempDir Path temp;

  @Test
  void theFirstCopyMakesTheTemplateAndLaterOnesCopyItAsItIs() throws Exception {
    PostgresTemplate template = PostgresTemplate.in(temp.resolve("cache"));
    Path first = Files.createDirectory(temp.resolve("first"));

    template.copyInto(first);

    Path made;
    try (var entries = Files.list(temp.resolve("cache"))) {
      made = entries.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    assertThat(made.getFileName().toString()).startsWith("shop-template-");
    assertThat(made.resolve("PG_VERSION")).exists();
    assertThat(made.resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();
    assertThat(first.resolve("PG_VERSION")).hasSameTextualContentAs(made.resolve("PG_VERSION"));

    // A file only the template has: the next copy comes from it, not from another initdb.
    Files.writeString(made.resolve("shop-marker"), "from the template");
    Path second = Files.createDirectory(temp.resolve("second"));
    template.copyInto(second);
    assertThat(second.resolve("shop-marker")).hasContent("from the template");
    assertThat(selectOne(second)).isEqualTo(1);
  }

  @Test
  void startsAtTheSameTimeShareOneTemplate() throws Exception {
    PostgresTemplate template = PostgresTemplate.in(temp.resolve("cache"));
    List<Callable<Path>> starts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path data = Files.createDirectory(temp.resolve("data-" + i));
      starts.add(
          () -> {
            template.copyInto(data);
            return data;
          });
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (Future<Path> start : pool.invokeAll(starts)) {
        assertThat(start.get().resolve("PG_VERSION")).exists();
      }
    }
    try (var entries = Files.list(temp.resolve("cache"))) {
      assertThat(entries.map(path -> path.getFileName().toString()))
          .as("one template, no staging directory left")
          .singleElement()
          .asString()
          .startsWith("shop-template-");
    }
  }

  private static int selectOne(Path data) throws Exception {
    try (EmbeddedPostgres postgres =
            EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1")) {
      result.next();
      return result.getInt(1);
    }
  }
}
