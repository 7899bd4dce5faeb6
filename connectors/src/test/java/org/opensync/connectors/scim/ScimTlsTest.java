package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.connectors.net.TestCertificates;

/**
 * A SCIM application on HTTPS with a certificate from a private CA (generated for this run): refused while only the
 * JVM's trust store is trusted, reached once the job's {@code TrustedCertificate} holds the CA, and still refused
 * when the certificate names another host.
 */
class ScimTlsTest {
    private static final byte[] EMPTY_LIST = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
            + "\"totalResults\":0,\"Resources\":[]}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path temp;
    private static HttpsServer localhost;
    private static HttpsServer otherName;
    private static String pem;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = TestCertificates.selfSigned(temp, "localhost");
        Path otherKeyStore = TestCertificates.selfSigned(temp, "other.example.test");
        pem = TestCertificates.pem(keyStore) + TestCertificates.pem(otherKeyStore);
        localhost = serve(keyStore);
        otherName = serve(otherKeyStore);
    }

    @AfterAll
    static void stop() {
        localhost.stop(0);
        otherName.stop(0);
    }

    @Test
    void aPrivateCaIsTrustedOnlyWhenTheJobTrustsIt() {
        assertThatThrownBy(() -> client(localhost, null).testConnection()).isInstanceOf(ScimException.class);
        client(localhost, pem).testConnection();
        assertThatThrownBy(() -> client(otherName, pem).testConnection()).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> client(localhost, "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TrustedCertificate");
    }

    private static ScimClient client(HttpsServer server, String trusted) {
        return new ScimClient(ScimSettings.builder("https://localhost:" + server.getAddress().getPort() + "/scim/v2")
                .secretToken("token").maxRetries(0).requestsPerSecond(0).trustedCertificates(trusted)
                .egress(EgressPolicy.of(EgressSettings.loopbackAllowed())).build());
    }

    private static HttpsServer serve(Path keyStore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(TestCertificates.load(keyStore), TestCertificates.STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
            exchange.sendResponseHeaders(200, EMPTY_LIST.length);
            exchange.getResponseBody().write(EMPTY_LIST);
            exchange.close();
        });
        server.start();
        return server;
    }
}
