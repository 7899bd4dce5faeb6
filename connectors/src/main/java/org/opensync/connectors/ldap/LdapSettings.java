package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.PemTrust;

/**
  * Where and how to read a directory.
  *
  * @param url                {@code ldap://host:port} or {@code ldaps://host:port}; TLS (ldaps or StartTLS) trusts
  *                           what the JVM trust store trusts, plus {@code trustedCertificates}, and verifies the host
  *                           name
  * @param bindDn             simple-bind DN; empty for an anonymous reader
  * @param baseDn             everything read lies at or below it
  * @param poolSize           connections kept open; one paged read holds one for its whole length
  * @param pageSize           entries per simple-paged-results page
  * @param clockSkewAllowance how far the timestamp watermark is set back from this host's clock, so that a server
  *                           clock running behind ours cannot hide changes; overlap only re-reads unchanged entries
  * @param egress             where connections may go; checked by name and port before connecting and for every
  *                           address the name resolves to when connecting
  * @param startTls           on an {@code ldap://} URL, switch to TLS (RFC 4513 StartTLS) before binding
  * @param trustedCertificates a PEM file of further CA (or server) certificates to trust, e.g. a private CA; null
  *                           for the JVM's trust store alone
  * @param jobCertificates    PEM text of certificates this job trusts too (its secret {@code TrustedCertificate}),
  *                           or null
  */
public record LdapSettings(String url, String bindDn, String password, String baseDn, Duration connectTimeout,
                           Duration responseTimeout, int poolSize, int pageSize, Duration clockSkewAllowance,
                           EgressPolicy egress, boolean startTls, Path trustedCertificates,
                           String jobCertificates) {

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
        Objects.requireNonNull(egress, "egress");
        if (poolSize < 1 || pageSize < 1 || clockSkewAllowance.isNegative()) {
            throw new IllegalArgumentException("poolSize and pageSize must be positive, clockSkewAllowance not negative");
        }
        if (ldapUrl(url).getScheme().equals("ldaps") && startTls) {
            throw new IllegalArgumentException("StartTLS is for ldap:// URLs; an ldaps:// connection is encrypted "
                    + "already: " + url);
        }
    }

    /** The defaults: {@link EgressPolicy#defaults()}, no StartTLS, the JVM's trust store. */
    public static LdapSettings of(String url, String bindDn, String password, String baseDn) {
        return new LdapSettings(url, bindDn, password, baseDn, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_POOL_SIZE, DEFAULT_PAGE_SIZE, DEFAULT_CLOCK_SKEW_ALLOWANCE, EgressPolicy.defaults(), false, null,
                null);
    }

    public LdapSettings withTimeouts(Duration connect, Duration response) {
        return new LdapSettings(url, bindDn, password, baseDn, connect, response, poolSize, pageSize, clockSkewAllowance,
                egress, startTls, trustedCertificates, jobCertificates);
    }

    public LdapSettings withPoolSize(int size) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, size, pageSize,
                clockSkewAllowance, egress, startTls, trustedCertificates, jobCertificates);
    }

    public LdapSettings withPageSize(int size) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, size,
                clockSkewAllowance, egress, startTls, trustedCertificates, jobCertificates);
    }

    public LdapSettings withClockSkewAllowance(Duration allowance) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, pageSize,
                allowance, egress, startTls, trustedCertificates, jobCertificates);
    }

    public LdapSettings withEgress(EgressPolicy policy) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, pageSize,
                clockSkewAllowance, policy, startTls, trustedCertificates, jobCertificates);
    }

    /**
      * @param useStartTls         switch an ldap:// connection to TLS before binding
      * @param trustedCertificatesPem further certificates to trust (PEM), or null
      */
    public LdapSettings withTls(boolean useStartTls, Path trustedCertificatesPem) {
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, pageSize,
                clockSkewAllowance, egress, useStartTls, trustedCertificatesPem, jobCertificates);
    }

    /**
     * @param pem certificates this job trusts beside the JVM's trust store and the service's file, or null
     * @throws IllegalArgumentException when the text is not a PEM bundle of certificates
     */
    public LdapSettings withJobCertificates(String pem) {
        if (pem != null) {
            PemTrust.trustManager(pem);
        }
        return new LdapSettings(url, bindDn, password, baseDn, connectTimeout, responseTimeout, poolSize, pageSize,
                clockSkewAllowance, egress, startTls, trustedCertificates, pem);
    }

    LDAPURL ldapUrl() {
        return ldapUrl(url);
    }

    /** ldaps:// */
    boolean secure() {
        return ldapUrl().getScheme().equals("ldaps");
    }

    /** ldaps:// or StartTLS: what is sent, passwords included, is encrypted. */
    public boolean encrypted() {
        return secure() || startTls;
    }

    /** Whether the bind password would cross the network unencrypted (plain ldap:// without StartTLS). */
    public boolean sendsPasswordInClear() {
        return !password.isEmpty() && !encrypted();
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
        return "LdapSettings[url=" + url + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", pageSize=" + pageSize
                + ", startTls=" + startTls + "]";
    }
}
