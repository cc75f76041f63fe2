package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresLeftoversIT {
  @TempDir Path temp;

  @Test
  void aServerWhoseJvmIsGoneIsStoppedAndItsDataRemoved() throws Exception {
    Path orphan = PostgresLeftovers.newDataDirectory(temp);
    PostgresTemplate.in(temp.resolve("cache")).copyInto(orphan);
    // Started and never closed, as by a JVM that was killed: pg_ctl left it running on its own.
    EmbeddedPostgres left =
        EmbeddedPostgres.builder().setDataDirectory(orphan).setCleanDataDirectory(false).start();
    ProcessHandle postmaster =
        ProcessHandle.of(
                Long.parseLong(Files.readAllLines(orphan.resolve("postmaster.pid")).get(0)))
            .orElseThrow();
    Files.writeString(orphan.resolve("shop-owner.pid"), Long.toString(aPidNoLongerRunning()));

    assertThat(PostgresLeftovers.removeOrphans(temp)).isEqualTo(1);

    assertThat(postmaster.onExit()).succeedsWithin(Duration.ofSeconds(15));
    assertThat(orphan).doesNotExist();
    assertThat(left.getPort())
        .as("its port is free again")
        .satisfies(PostgresLeftoversIT::bindable);
  }

  @Test
  void aLocalCloudStartsOnThePortAKilledOnesPostgresStillHolds() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path orphan = PostgresLeftovers.newDataDirectory(tmp);
    PostgresTemplate.ofClasspathBinaries().copyInto(orphan);
    EmbeddedPostgres left =
        EmbeddedPostgres.builder().setDataDirectory(orphan).setCleanDataDirectory(false).start();
    Files.writeString(orphan.resolve("shop-owner.pid"), Long.toString(aPidNoLongerRunning()));

    try (LocalCloud cloud =
        LocalCloud.start(CloudPorts.ephemeral().with(Service.POSTGRES, left.getPort()))) {
      assertThat(cloud.endpoints().postgres("user").jdbcUrl())
          .endsWith(":" + left.getPort() + "/user");
    }
    assertThat(orphan).doesNotExist();
  }

  @Test
  void aDirectoryOfARunningJvmOrOfNoOneIsLeftAlone() throws Exception {
    Path ours = PostgresLeftovers.newDataDirectory(temp);
    Path noOwner = Files.createDirectory(temp.resolve(PostgresLeftovers.PREFIX + "being-made"));
    Path notOurs = Files.createDirectory(temp.resolve("other-program"));
    Files.writeString(notOurs.resolve("shop-owner.pid"), Long.toString(aPidNoLongerRunning()));

    assertThat(PostgresLeftovers.removeOrphans(temp)).isZero();

    assertThat(ours).exists();
    assertThat(noOwner).exists();
    assertThat(notOurs).exists();
  }

  private static long aPidNoLongerRunning() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    return done.pid();
  }

  private static void bindable(int port) {
    try (var socket = new java.net.ServerSocket(port)) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    } catch (java.io.IOException e) {
      throw new AssertionError("port " + port + " is still taken", e);
    }
  }
}
