package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;

import java.time.Duration;
import java.util.Objects;

/**
  * Where and how to read a directory.
  *
  * @param url                {@code ldap://host:port} or {@code ldaps://host:port}; ldaps trusts what the JVM trust
  *                           store trusts and verifies the host name
  * @param bindDn             simple-bind DN; empty for an anonymous reader
  * @param baseDn             everything read lies at or below it
  * @param poolSize           connections kept open; one paged read holds one for its whole length
  * @param pageSize           entries per simple-paged-results page
  * @param clockSkewAllowance how far the timestamp watermark is set back from this host's clock, so that a server
  *                           clock running behind ours cannot hide changes; overlap only re-reads unchanged entries
  */
public record LdapSettings(String url, String bindDn, String password, String baseDn, Duration connectTimeout,
                                                      Duration responseTimeout, int poolSize, int pageSize, Duration clockSkewAllowance) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_POOL_SIZE = 3;
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final Duration DEFAULT_CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(2);

    public LdapSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(baseDn, "baseDn");
        bindDn = bindDn == null ? "" : bindDn;
        password = password == null ? "" : password;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(clockSkewAllowance, "clockSkewAllowance");
        if (poolSize < 1 || pageSize < 1 || clockSkewAllowance.isNegative()) {
            throw new IllegalArgumentException("poolSize and pageSize must be positive, clockSkewAllowance not negative");
        }
        ldapUrl(url);
    }

    public static LdapSettings of(String url, String bindDn, String password, String baseDn) {
        return new LdapSettings(url, bindDn, password, baseDn, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_POOL_SIZE, DEFAULT_PAGE_SIZE, DEFAULT_CLOCK_SKEW_ALLOWANCE);
    }

    public LdapSettings withTimeouts(Duration connect, Duration response) {
        return new LdapSettings(url, bindDn, password, baseDn, connect, response, poolSize, pageSize, clockSkewAllowance);
    }

    public LdapSettings withPoolSize(int size) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, size, pageSize,
                clockSkewAllowance);
    }

    public LdapSettings withPageSize(int size) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, size,
                clockSkewAllowance);
    }

    public LdapSettings withClockSkewAllowance(Duration allowance) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, pageSize,
                allowance);
    }

    LDAPURL ldapUrl() {
        return ldapUrl(url);
    }

    boolean secure() {
        return ldapUrl().getScheme().equals("ldaps");
    }

    private static LDAPURL ldapUrl(String url) {
        try {
            LDAPURL parsed = new LDAPURL(url);
            if (!parsed.getScheme().equals("ldap") && !parsed.getScheme().equals("ldaps")) {
                throw new IllegalArgumentException("only ldap:// and ldaps:// URLs are supported: " + url);
            }
            return parsed;
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not an LDAP URL: " + url, e);
        }
    }

    /** The password never appears in logs. */
    @Override
    public String toString() {
        return "LdapSettings[url=" + url + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", pageSize=" + pageSize + "]";
    }
}
