package shop.user.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.user.UserModule;

/** A deployed admin keeps their powers through the split of the admin role. */
class StaffRolesMigrationIT {

  @Test
  void aGrantOfAdminBecomesTheFourStaffRoles() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Flyway.configure()
          .dataSource(url, "postgres", null)
          .locations("classpath:db/user", "classpath:db/platform")
          .target("2")
          .load()
          .migrate();
      UUID admin = UUID.randomUUID();
      UUID customer = UUID.randomUUID();
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        for (UUID id : List.of(admin, customer)) {
          c.createStatement()
              .execute(
                  "INSERT INTO users (id, email, password_hash, name, created_at, updated_at)"
                      + " VALUES ('"
                      + id
                      + "', '"
                      + id
                      + "@example.com', 'x', 'Someone', now(), now())");
          c.createStatement().execute("INSERT INTO user_roles VALUES ('" + id + "', 'customer')");
        }
        c.createStatement().execute("INSERT INTO user_roles VALUES ('" + admin + "', 'admin')");
      }

      UserModule.migrate(new Config(Map.of("DATABASE_URL", url, "DATABASE_USER", "postgres")));

      assertThat(roles(postgres, admin))
          .containsExactly("catalog", "customer", "ops", "orders", "users");
      assertThat(roles(postgres, customer)).containsExactly("customer");
    }
  }

  private static List<String> roles(EmbeddedPostgres postgres, UUID id) throws Exception {
    List<String> roles = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT role FROM user_roles WHERE user_id = '" + id + "' ORDER BY role")) {
      while (rs.next()) {
        roles.add(rs.getString(1));
      }
    }
    return roles;
  }
}
