package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import org.junit.jupiter.api.Test;
import shop.platform.domain.UnauthenticatedException;
import shop.user.account.SecurityEvent.Kind;
import shop.user.auth.Session;
import shop.user.fakes.InMemoryUserService;

class RoleChangesTest {
  private final InMemoryUserService s = new InMemoryUserService();
  private final Account root = s.verified("root@example.com");

  @Test
  void anUnverifiedAccountCannotBeGrantedARole() {
    Account ada = s.registered("ada@example.com");

    assertThatThrownBy(() -> s.grantRole.grant(ada.id(), Roles.ADMIN, "test"))
        .isInstanceOf(EmailNotVerified.class);
    assertThat(s.accounts.byId(ada.id()).orElseThrow().isAdmin()).isFalse();
  }

  @Test
  void aVerifiedAccountIsGrantedTheRoleAndTheGrantIsASecurityEvent() {
    Account ada = s.verified("ada@example.com");

    s.grantRole.grant(ada.id(), Roles.ADMIN, "admin x from 198.51.100.7");

    assertThat(s.accounts.byId(ada.id()).orElseThrow().isAdmin()).isTrue();
    assertThat(s.security.recorded)
        .containsExactly(
            new SecurityEvent(Kind.ROLE_GRANTED, ada.id(), "admin x from 198.51.100.7", "admin"));
  }

  @Test
  void revokingARoleEndsTheUsersSessions() {
    Account ada = s.verified("ada@example.com");
    s.grantRole.grant(ada.id(), Roles.ADMIN, "test");
    Session session = s.logIn.logIn(s.credentials("ada@example.com", PASSWORD));

    s.revokeRole.revoke(root.id(), ada.id(), Roles.ADMIN, "test");

    assertThatThrownBy(() -> s.refresh.refresh(session.refreshToken(), "test"))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(s.security.kinds()).containsExactly(Kind.ROLE_GRANTED, Kind.ROLE_REVOKED);
  }

  @Test
  void seedAdminTakesAVerifiedAccountById() {
    Account ada = s.registered("ada@example.com");
    SeedAdmin seed = new SeedAdmin(s.accounts, s.grantRole);

    assertThatThrownBy(() -> seed.seed(ada.id(), "operator")).isInstanceOf(EmailNotVerified.class);
    assertThat(seed.seed(root.id(), "operator").isAdmin()).isTrue();
  }
}
