/**
 * The shared kernel of every service's domain: the failures a business rule can end in, one
 * exception per failure, and the field checks commands run in their compact constructors. It
 * imports only the JDK, so domain packages may use it (ArchitectureRules allows it and nothing
 * else); the platform's HTTP edge ({@link shop.platform.http.HttpApi}) answers each failure with
 * its problem+json, so a service maps only the failures whose answer says more.
 */
package shop.platform.domain;
