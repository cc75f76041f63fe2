package shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.user.fakes.InMemoryUserService.PASSWORD;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.platform.domain.ConflictException;
import shop.platform.domain.InvalidFieldException;
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

    assertThatThrownBy(() -> s.grantRole.grant(ada.id(), Roles.CATALOG, "test"))
        .isInstanceOf(EmailNotVerified.class);
    assertThat(s.accounts.byId(ada.id()).orElseThrow().roles()).containsExactly(Roles.CUSTOMER);
  }

  @Test
  void anAccountWithoutAnActiveTotpCannotBeGrantedARole() {
    Account ada = s.verified("ada@example.com");
    s.enrolTotp.enrol(ada.id(), InMemoryUserService.PASSWORD, "test");

    assertThatThrownBy(() -> s.grantRole.grant(ada.id(), Roles.CATALOG, "test"))
        .isInstanceOf(SecondFactorMissing.class);
    assertThat(s.accounts.byId(ada.id()).orElseThrow().roles()).containsExactly(Roles.CUSTOMER);
  }

  @Test
  void theOldAdminRoleIsNoLongerGrantable() {
    Account ada = s.verified("ada@example.com");
    s.withTotp(ada);

    assertThatThrownBy(() -> s.grantRole.grant(ada.id(), "admin", "test"))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void aVerifiedAccountWithTotpIsGrantedTheRoleAndTheGrantIsASecurityEvent() {
    Account ada = s.verified("ada@example.com");
    s.withTotp(ada);

    s.grantRole.grant(ada.id(), Roles.ORDERS, "staff x from 198.51.100.7");

    assertThat(s.accounts.byId(ada.id()).orElseThrow().roles())
        .containsExactlyInAnyOrder(Roles.CUSTOMER, Roles.ORDERS);
    assertThat(s.security.recorded)
        .containsExactly(
            new SecurityEvent(
                Kind.ROLE_GRANTED, ada.id(), "staff x from 198.51.100.7", Roles.ORDERS));
  }

  @Test
  void revokingARoleEndsTheUsersSessionsAndIsASecurityEvent() {
    Account ada = s.verified("ada@example.com");
    String secret = s.withTotp(ada);
    s.grantRole.grant(ada.id(), Roles.OPS, "test");
    s.clock.advance(Duration.ofSeconds(30));
    Session session =
        s.logIn.logIn(
            s.credentials(
                "ada@example.com",
                PASSWORD,
                InMemoryUserService.codeAt(secret, s.clock.instant())));

    s.revokeRole.revoke(root.id(), ada.id(), Roles.OPS, "test");

    assertThatThrownBy(() -> s.refresh.refresh(session.refreshToken(), "test"))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(s.security.kinds()).containsExactly(Kind.ROLE_GRANTED, Kind.ROLE_REVOKED);
  }

  @Test
  void nobodyRevokesTheirOwnUsersRole() {
    assertThatThrownBy(() -> s.revokeRole.revoke(root.id(), root.id(), Roles.USERS, "test"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void seedAdminGivesEveryStaffRoleToAVerifiedAccountWithTotpById() {
    Account ada = s.registered("ada@example.com");
    SeedAdmin seed = new SeedAdmin(s.accounts, s.grantRole);

    assertThatThrownBy(() -> seed.seed(ada.id(), "operator")).isInstanceOf(EmailNotVerified.class);
    assertThatThrownBy(() -> seed.seed(root.id(), "operator"))
        .isInstanceOf(SecondFactorMissing.class);
    s.withTotp(root);
    assertThat(seed.seed(root.id(), "operator").roles())
        .containsExactlyInAnyOrder(
            Roles.CUSTOMER, Roles.CATALOG, Roles.ORDERS, Roles.OPS, Roles.USERS);
  }

  @Test
  void theLocalAdminIsOpenedWithEveryStaffRoleAndTheGivenTotpSecret() {
    var open = new OpenAdminAccount(s.accounts, s.passwords, s.policy, s.totpFactors, s.clock);

    Account admin = open.open("admin@example.com", "Local Admin", PASSWORD, "JBSWY3DPEHPK3PXP");

    assertThat(admin.roles()).contains(Roles.CATALOG, Roles.ORDERS, Roles.OPS, Roles.USERS);
    assertThat(admin.roles()).doesNotContain("admin");
    assertThat(admin.emailVerified()).isTrue();
    assertThat(admin.email()).isEqualTo("admin@example.com");
    assertThat(admin.name()).isEqualTo("Local Admin");
    assertThat(s.accounts.published).extracting(Registration::userId).contains(admin.id());
    assertThat(s.secondFactor.isRequired(admin.id())).isTrue();
    assertThat(
            s.secondFactor.accepts(
                admin.id(), InMemoryUserService.codeAt("JBSWY3DPEHPK3PXP", s.clock.instant())))
        .isTrue();
  }

  @Test
  void openingTheLocalAdminAgainPromotesTheExistingAccountAndKeepsItsPassword() {
    var open = new OpenAdminAccount(s.accounts, s.passwords, s.policy, s.totpFactors, s.clock);
    Account ada = s.registered("ada@example.com");

    Account admin =
        open.open(
            " ADA@example.com ", "Another Name", "another password entirely", "JBSWY3DPEHPK3PXP");

    assertThat(admin.id()).isEqualTo(ada.id());
    assertThat(admin.passwordHash()).isEqualTo(ada.passwordHash());
    assertThat(admin.name()).isEqualTo(ada.name());
    assertThat(admin.emailVerified()).isTrue();
    assertThat(admin.roles()).containsAll(Roles.GRANTABLE);
    assertThat(s.accounts.published).extracting(Registration::email).containsOnlyOnce(ada.email());
  }

  @Test
  void theLocalAdminsPasswordMeetsThePolicy() {
    var open = new OpenAdminAccount(s.accounts, s.passwords, s.policy, s.totpFactors, s.clock);

    assertThatThrownBy(
            () -> open.open("admin@example.com", "Local Admin", "admin", "JBSWY3DPEHPK3PXP"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(s.accounts.byEmail("admin@example.com")).isEmpty();
  }
}
