package shop.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.postgres.PostgresDatabase;

/** The service's database settings, as the deploy and the local cloud hand them out. */
class DatabaseSettingsTest {

  @Test
  void takesThePoolSizeFromConfig() {
    assertThat(maxPoolSize(Map.of("DATABASE_POOL_SIZE", "16"))).isEqualTo(16);
  }

  @Test
  void keepsAPoolOfFiveWithoutConfig() {
    assertThat(maxPoolSize(Map.of())).isEqualTo(5);
  }

  // Connections are opened on first use, so no server is needed to read the pool's size.
  private static int maxPoolSize(Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/transaction");
    config.put("DATABASE_USER", "shop");
    ConnectionPool pool =
        (ConnectionPool) PostgresDatabase.pooled(new Config(config)).connections();
    try {
      return pool.getMetrics().orElseThrow().getMaxAllocatedSize();
    } finally {
      pool.dispose();
    }
  }
}
