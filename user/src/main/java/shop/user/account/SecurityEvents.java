package shop.user.account;

/** Where security events go (port): one structured log line each in the cloud. */
public interface SecurityEvents {

  void record(SecurityEvent event);
}
