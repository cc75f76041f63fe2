package shop.transaction.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;

class PostgresDatabaseTest {

  @Test
  void takesThePoolSizeFromConfig() {
    assertThat(maxPoolSize(Map.of("DB_POOL_SIZE", "16"))).isEqualTo(16);
  }

  @Test
  void keepsAPoolOfFiveWithoutConfig() {
    assertThat(maxPoolSize(Map.of())).isEqualTo(5);
  }

  // Connections are opened on first use, so no server is needed to read the pool's size.
  private static int maxPoolSize(Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("DB_R2DBC_URL", "r2dbc:postgresql://127.0.0.1:5432/transaction");
    config.put("DB_USER", "shop");
    ConnectionPool pool =
        (ConnectionPool) PostgresDatabase.pooled(new Config(config)).connections();
    try {
      return pool.getMetrics().orElseThrow().getMaxAllocatedSize();
    } finally {
      pool.dispose();
    }
  }
}
