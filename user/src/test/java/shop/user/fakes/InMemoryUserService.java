package shop.user.fakes;

import shop.user.account.Account;
import shop.user.account.GrantRole;
import shop.user.account.PasswordPolicy;
import shop.user.account.RegisterUser;
import shop.user.account.RevokeRole;
import shop.user.account.SendEmailVerification;
import shop.user.account.VerifyEmail;
import shop.user.adapter.ZxcvbnStrength;
import shop.user.auth.ChangePassword;
import shop.user.auth.Lockout;
import shop.user.auth.LogIn;
import shop.user.auth.LogOut;
import shop.user.auth.RefreshSession;
import shop.user.auth.RequestPasswordReset;
import shop.user.auth.ResetPassword;
import shop.user.auth.SessionIssuer;
import shop.user.auth.SessionLimits;

/**
 * The account and auth use cases wired to in-memory ports, for unit tests of their rules. The
 * password strength is the real estimate: it is a library, and the rules are about it.
 */
public final class InMemoryUserService {
  public static final String PASSWORD = "a long and unusual passphrase";

  public final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
  public final InMemoryAccounts accounts = new InMemoryAccounts();
  public final PlainPasswords passwords = new PlainPasswords();
  public final InMemorySessions sessions;
  public final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
  public final RecordingMail mail = new RecordingMail(tokens);
  public final RecordingSecurityEvents security = new RecordingSecurityEvents();
  public final PasswordPolicy policy = new PasswordPolicy(new ZxcvbnStrength());
  public final SessionIssuer issuer;

  public final RegisterUser register;
  public final VerifyEmail verifyEmail;
  public final LogIn logIn;
  public final RefreshSession refresh;
  public final LogOut logOut;
  public final ChangePassword changePassword;
  public final RequestPasswordReset requestReset;
  public final ResetPassword reset;
  public final GrantRole grantRole;
  public final RevokeRole revokeRole;

  public InMemoryUserService() {
    this(Lockout.DEFAULT, SessionLimits.DEFAULT);
  }

  public InMemoryUserService(Lockout lockout, SessionLimits limits) {
    sessions = new InMemorySessions(lockout);
    issuer = new SessionIssuer(new FakeTokens(), sessions, limits, clock);
    register =
        new RegisterUser(
            accounts, passwords, policy, new SendEmailVerification(mail, clock), mail, clock);
    verifyEmail = new VerifyEmail(accounts, tokens, clock);
    logIn = new LogIn(accounts, passwords, sessions, lockout, issuer, security);
    refresh = new RefreshSession(accounts, sessions, issuer, security);
    logOut = new LogOut(sessions, clock);
    changePassword =
        new ChangePassword(accounts, passwords, policy, sessions, sessions, issuer, security);
    requestReset = new RequestPasswordReset(accounts, mail, security, clock);
    reset =
        new ResetPassword(
            accounts, passwords, policy, tokens, sessions, sessions, issuer, security);
    grantRole = new GrantRole(accounts, security);
    revokeRole = new RevokeRole(accounts, sessions, security, clock);
  }

  /** Registers {@code email} with {@link #PASSWORD}: the new account. */
  public Account registered(String email) {
    register.register(new RegisterUser.Command(email, PASSWORD, "User " + email, null));
    return accounts.byEmail(email).orElseThrow();
  }

  /** Registers {@code email} and follows the link of its confirmation mail. */
  public Account verified(String email) {
    Account account = registered(email);
    verifyEmail.verify(mail.lastToken("confirm-address", email));
    return accounts.byId(account.id()).orElseThrow();
  }

  public LogIn.Command credentials(String email, String password) {
    return new LogIn.Command(email, password, "198.51.100.7");
  }
}
