package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.Test;

class PostgresTest {

  // Connections are opened on first use, so no server is needed to read the pool's size.
  @Test
  void aPoolHasTheSizeItWasGiven() {
    try (Postgres postgres =
        Postgres.connect("jdbc:postgresql://127.0.0.1:5432/user", "shop", "shop", 16)) {
      assertThat(((ConnectionPool) postgres.connections()).getMetrics().orElseThrow())
          .satisfies(m -> assertThat(m.getMaxAllocatedSize()).isEqualTo(16));
    }
  }
}
