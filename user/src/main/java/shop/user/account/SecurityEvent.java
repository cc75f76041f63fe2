package shop.user.account;

import java.util.UUID;

/**
 * Something a security team wants to see about an account, written as one structured log line.
 *
 * @param userId null when the attempt named no account of ours
 * @param source the caller's address as API Gateway saw it, or who acted (an operator's function)
 * @param outcome what happened, in a word or two ({@code wrong-password}, {@code locked})
 */
public record SecurityEvent(Kind kind, UUID userId, String source, String outcome) {

  /** The kinds of event; their names are what log queries and metric filters match. */
  public enum Kind {
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    REFRESH_TOKEN_REUSED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ROLE_GRANTED,
    ROLE_REVOKED,
    MFA_ENROLLED,
    MFA_ACTIVATED,
    MFA_ACTIVATION_FAILED,
    ACCOUNT_DELETED
  }
}
