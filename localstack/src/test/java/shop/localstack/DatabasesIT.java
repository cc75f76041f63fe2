package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

@ExtendWith(LocalCloudExtension.class)
class DatabasesIT {

  @Test
  void everyPostgresServiceHasItsOwnDatabase(Endpoints endpoints) throws Exception {
    for (String service : LocalCloud.POSTGRES_SERVICES) {
      Endpoints.PostgresDatabase database = endpoints.postgres(service);
      try (Connection connection =
              DriverManager.getConnection(
                  database.jdbcUrl(), database.user(), database.password());
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT current_database(), current_user")) {
        result.next();
        assertThat(result.getString(1)).isEqualTo(service);
        assertThat(result.getString(2)).isEqualTo(database.user());
      }
    }
  }

  @Test
  void mongoAcceptsConnectionsAndStoresDocuments(Endpoints endpoints) {
    try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
      var products = mongo.getDatabase("product").getCollection("products");

      Mono.from(products.insertOne(new Document("_id", "sku-1").append("name", "Mug"))).block();

      Document found = Mono.from(products.find(new Document("_id", "sku-1")).first()).block();
      assertThat(found).isNotNull();
      assertThat(found.getString("name")).isEqualTo("Mug");
    }
  }
}
