package org.opensync.connectors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Server key pairs made during the test run by the JDK's keytool (no key is committed), and their certificates. */
public final class TestCertificates {
    public static final char[] STORE_PASSWORD = "test-store".toCharArray();

    private TestCertificates() {
    }

    /** A PKCS12 key store in {@code directory} with a self-signed certificate for this one host name. */
    public static Path selfSigned(Path directory, String hostName) throws Exception {
        Path keyStore = directory.resolve(hostName + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + hostName, "-ext", "SAN=dns:" + hostName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(STORE_PASSWORD), "-keypass",
                new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return keyStore;
    }

    public static KeyStore load(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }

    /** The key store's certificate as PEM text. */
    public static String pem(Path keyStore) throws Exception {
        KeyStore store = load(keyStore);
        Certificate certificate = store.getCertificate(store.aliases().nextElement());
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
