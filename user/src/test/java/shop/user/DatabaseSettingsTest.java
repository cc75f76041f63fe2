package shop.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.postgres.PostgresDatabase;

/** The user service's {@code DATABASE_*} settings, as the platform's pool reads them. */
class DatabaseSettingsTest {
  private static final Map<String, String> DATABASE =
      Map.of(
          "DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/user",
          "DATABASE_USER", "shop",
          "DATABASE_PASSWORD", "shop");

  // Connections are opened on first use, so no server is needed to read the pool's size.
  @Test
  void aPoolHasTheSizeItWasGiven() {
    Map<String, String> settings = new HashMap<>(DATABASE);
    settings.put("DATABASE_POOL_SIZE", "16");
    assertThat(maxSize(new Config(settings))).isEqualTo(16);
  }

  @Test
  void aPoolHasFiveConnectionsByDefault() {
    assertThat(maxSize(new Config(DATABASE))).isEqualTo(5);
  }

  private static int maxSize(Config config) {
    try (PostgresDatabase database = PostgresDatabase.pooled(config)) {
      return ((ConnectionPool) database.connections())
          .getMetrics()
          .orElseThrow()
          .getMaxAllocatedSize();
    }
  }
}
