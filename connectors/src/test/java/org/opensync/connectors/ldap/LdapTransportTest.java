package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.TestCertificates;

/**
  * ldaps:// and StartTLS against the in-memory directory server listening with a certificate generated for this test
  * run (made by keytool; no key is committed): connections succeed when its certificate is trusted, and fail clearly when not.
  */
class LdapTransportTest {

    private static final String BASE = "dc=example,dc=org";
    private static final String ADMIN = "cn=admin," + BASE;
    private static final String PASSWORD = "transport-secret";

    @TempDir
    static Path temp;
    private static InMemoryDirectoryServer server;
    private static Path trustedPem;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = TestCertificates.selfSigned(temp, "localhost");
        Path otherKeyStore = TestCertificates.selfSigned(temp, "other.example.test");
        trustedPem = temp.resolve("ca.pem");
        Files.writeString(trustedPem, TestCertificates.pem(keyStore) + TestCertificates.pem(otherKeyStore));
        SSLUtil serverTls = serverTls(keyStore);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(ADMIN, PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                        serverTls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, serverTls.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps-other-name", loopback, 0,
                        serverTls(otherKeyStore).createSSLServerSocketFactory(), null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: uid=jdoe," + BASE, "objectClass: inetOrgPerson", "uid: jdoe", "cn: J Doe", "sn: Doe");
        server.startListening();
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
    }

    @Test
    void ldapsReadsWhenTheCertificateIsTrusted() {
        LdapSettings settings = settings("ldaps://localhost:" + server.getListenPort("ldaps")).withTls(false,
                trustedPem);
        assertThat(settings.sendsPasswordInClear()).isFalse();
        assertThat(readUids(settings)).containsExactly("jdoe");
    }

    @Test
    void startTlsReadsWhenTheCertificateIsTrusted() {
        LdapSettings settings = settings("ldap://localhost:" + server.getListenPort("starttls")).withTls(true,
                trustedPem);
        assertThat(settings.sendsPasswordInClear()).isFalse();
        assertThat(readUids(settings)).containsExactly("jdoe");
    }

    @Test
    void anUntrustedCertificateIsAConfigurationProblem() {
        for (LdapSettings settings : List.of(settings("ldaps://localhost:" + server.getListenPort("ldaps")),
                settings("ldap://localhost:" + server.getListenPort("starttls")).withTls(true, null))) {
            assertThatThrownBy(() -> LdapSource.open(settings)).as(settings.url())
                    .isInstanceOf(LdapConfigurationException.class)
                    .hasMessageContaining("TLS with LDAP server " + settings.url() + " failed")
                    .hasMessageContaining("not trusted or not issued for this host name");
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() {
        LdapSettings settings = settings("ldaps://localhost:" + server.getListenPort("ldaps-other-name"))
                .withTls(false, trustedPem);
        assertThatThrownBy(() -> LdapSource.open(settings)).isInstanceOf(LdapConfigurationException.class)
                .hasMessageContaining("not trusted or not issued for this host name");
    }

    /** A private CA in the job's own secrets: trusted for that job, certificate validation still on. */
    @Test
    void theJobsTrustedCertificateSecretIsTrustedAndMustBeAPemBundle() throws Exception {
        String pem = Files.readString(trustedPem);
        Map<String, String> ldaps = Map.of("Server", "ldaps://localhost:" + server.getListenPort("ldaps"),
                "UserName", ADMIN, "Password", PASSWORD, "Domain", BASE, LdapSecrets.TRUSTED_CERTIFICATE, pem);
        assertThat(readUids(LdapSecrets.settings(ldaps, TestSettings.LOCAL, null).orElseThrow()))
                .containsExactly("jdoe");
        Map<String, String> startTls = new HashMap<>(ldaps);
        startTls.put("Server", "ldap://localhost:" + server.getListenPort("starttls"));
        startTls.put("AuthenticationType", "StartTls");
        assertThat(readUids(LdapSecrets.settings(startTls, TestSettings.LOCAL, null).orElseThrow()))
                .containsExactly("jdoe");

        Map<String, String> otherName = new HashMap<>(ldaps);
        otherName.put("Server", "ldaps://localhost:" + server.getListenPort("ldaps-other-name"));
        assertThatThrownBy(() -> LdapSource.open(LdapSecrets.settings(otherName, TestSettings.LOCAL, null)
                .orElseThrow())).isInstanceOf(LdapConfigurationException.class)
                .hasMessageContaining("not trusted or not issued for this host name");
        Map<String, String> malformed = new HashMap<>(ldaps);
        malformed.put(LdapSecrets.TRUSTED_CERTIFICATE, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----");
        assertThatThrownBy(() -> LdapSecrets.settings(malformed, TestSettings.LOCAL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TrustedCertificate")
                .hasMessageNotContaining("not base64");
    }

    @Test
    void plainLdapWithAPasswordIsRecognisedAndStartTlsIsOnlyForLdapUrls() {
        assertThat(settings("ldap://localhost:389").sendsPasswordInClear()).isTrue();
        assertThat(LdapSettings.of("ldap://localhost:389", "", "", BASE).sendsPasswordInClear()).isFalse();
        assertThatThrownBy(() -> settings("ldaps://localhost:636").withTls(true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StartTLS is for ldap:// URLs");
    }

    @Test
    void theEgressPolicyRefusesTheServerBeforeAndWhileConnecting() {
        LdapSettings settings = settings("ldaps://localhost:" + server.getListenPort("ldaps"))
                .withTls(false, trustedPem).withEgress(EgressPolicy.defaults());
        assertThatThrownBy(() -> LdapSource.open(settings)).isInstanceOf(EgressDeniedException.class)
                .hasMessageStartingWith("Egress policy refused localhost:" + server.getListenPort("ldaps")
                        + " (resolves to ").hasMessageContaining("loopback addresses are not allowed");
        EgressNameResolver resolver = new EgressNameResolver(EgressPolicy.defaults(), 636);
        assertThatThrownBy(() -> resolver.getAllByName("localhost")).isInstanceOf(EgressDeniedException.class);
        assertThatThrownBy(() -> resolver.getByName("127.0.0.1")).isInstanceOf(EgressDeniedException.class);
        // The SDK resolves through the hook when it connects
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setNameResolver(resolver);
        assertThatThrownBy(() -> new LDAPConnection(options, "localhost", server.getListenPort("starttls")).close())
                .satisfies(e -> assertThat(EgressDeniedException.in(e)).isNotNull());
    }

    private static LdapSettings settings(String url) {
        return LdapSettings.of(url, ADMIN, PASSWORD, BASE).withEgress(TestSettings.LOCAL);
    }

    private static List<String> readUids(LdapSettings settings) {
        List<String> uids = new ArrayList<>();
        try (LdapSource source = LdapSource.open(settings)) {
            source.fullRead(List.of(new ObjectTypeQuery("User", "(objectClass=inetOrgPerson)", Set.of("uid"))),
                    entry -> uids.add(entry.value("uid")));
        }
        return uids;
    }

    private static SSLUtil serverTls(Path keyStore) throws Exception {
        return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), TestCertificates.STORE_PASSWORD, "PKCS12", null),
                new TrustAllTrustManager());
    }
}
