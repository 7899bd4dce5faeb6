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
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;

/**
  * ldaps:// and StartTLS against the in-memory directory server listening with a certificate generated for this test
  * run (made by keytool; no key is committed): connections succeed when its certificate is trusted, and fail clearly when not.
  */
class LdapTransportTest {

    private static final String BASE = "dc=example,dc=org";
    private static final String ADMIN = "cn=admin," + BASE;
    private static final String PASSWORD = "transport-secret";
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();

    @TempDir
    static Path temp;
    private static InMemoryDirectoryServer server;
    private static Path trustedPem;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = selfSigned("localhost");
        Path otherKeyStore = selfSigned("other.example.test");
        trustedPem = temp.resolve("ca.pem");
        Files.writeString(trustedPem, pem(keyStore) + pem(otherKeyStore));
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
        return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), STORE_PASSWORD, "PKCS12", null),
                new TrustAllTrustManager());
    }

    /** A key pair made now by the JDK's keytool, with a certificate for this one host name. */
    private static Path selfSigned(String hostName) throws Exception {
        Path keyStore = temp.resolve(hostName + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + hostName, "-ext", "SAN=dns:" + hostName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return keyStore;
    }

    private static String pem(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        Certificate certificate = store.getCertificate(store.aliases().nextElement());
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
