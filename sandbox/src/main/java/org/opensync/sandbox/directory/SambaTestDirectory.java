package org.opensync.sandbox.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
  * A private OU {@code OU=t-<random>,DC=example,DC=org} of the Samba AD domain controller that
  * {@code infra/infra.sh start samba} runs on loopback (several test classes use it at once), with {@code OU=people}
  * and {@code OU=groups} below it; removed again, with everything in it, on close. Connections use LDAPS and trust
  * only the DC's private CA, checking the host name.
  */
public final class SambaTestDirectory implements AutoCloseable {

    public static final String URL = env("SAMBA_URL", "ldaps://127.0.0.1:636");
    public static final String BIND_UPN = env("SAMBA_BIND_UPN", "administrator@example.org");
    public static final String BIND_DN = env("SAMBA_BIND_DN", "CN=Administrator,CN=Users,DC=example,DC=org");
    public static final String PASSWORD = env("SAMBA_ADMIN_PASSWORD", "Admin-Passw0rd!");
    public static final String SUFFIX = "DC=example,DC=org";

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String root = "OU=t-" + tag + "," + SUFFIX;
    private final LDAPConnection connection;

    public SambaTestDirectory() {
        connection = connect();
        add(organizationalUnit(root));
        add(organizationalUnit(peopleDn()));
        add(organizationalUnit(groupsDn()));
    }

    /**
      * Whether the Samba AD DC can run here at all: {@code infra/infra.sh} installs it from Debian packages, so only a
      * machine where that failed lacks it. Tests skip on false and fail (never skip) when it is installed but down.
      */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/samba")) || Files.isExecutable(Path.of("/usr/bin/samba"));
    }

    /** The PEM file of the DC's private CA: {@code SAMBA_CA_CERT}, else {@code .infra/samba} of this repository. */
    public static Path caCertificate() {
        String configured = System.getenv("SAMBA_CA_CERT");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Tests run in a module's folder; the infrastructure's state lies at the repository root
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".infra/samba/private/tls/ca.pem");
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the Samba CA certificate (.infra/samba/private/tls/ca.pem) was not found "
                + "above " + Path.of("").toAbsolutePath() + ": start the DC with `infra/infra.sh start samba` or set "
                + "SAMBA_CA_CERT");
    }

    /** A bound LDAPS admin connection; fails the test (never skips it) when the DC is not running. */
    public static LDAPConnection connect() {
        try {
            LDAPURL url = new LDAPURL(URL);
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(caCertificate().toFile()));
            return new LDAPConnection(ssl.createSSLSocketFactory(), options, url.getHost(), url.getPort(), BIND_UPN,
                    PASSWORD);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalStateException("the Samba AD DC is not reachable at " + URL + " as " + BIND_UPN + " ("
                    + e.getMessage() + "): start it with `infra/infra.sh start samba` (CI does); set SAMBA_URL / "
                    + "SAMBA_BIND_UPN / SAMBA_ADMIN_PASSWORD / SAMBA_CA_CERT for another instance");
        }
    }

    /** ldaps:// URL of the DC. */
    public String url() {
        return URL;
    }

    public String bindDn() {
        return BIND_DN;
    }

    public String password() {
        return PASSWORD;
    }

    /** This directory's own OU; everything a test writes is below it. */
    public String baseDn() {
        return root;
    }

    /** NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password. */
    public static final int SEEDED_ENABLED = 0x200 | 0x20;

    /**
      * {@code base} made unique to this directory: sAMAccountName and userPrincipalName are unique in the whole domain,
      * so names must not clash with other test classes' (or with what a crashed run left). At most 20 characters.
      */
    public String name(String base) {
        if (tag.length() + base.length() > 20) {
            throw new IllegalArgumentException("sAMAccountName '" + tag + base + "' is longer than 20 characters");
        }
        return tag + base;
    }

    public String peopleDn() {
        return "OU=people," + root;
    }

    public String groupsDn() {
        return "OU=groups," + root;
    }

    /** The admin connection, for raw reads and writes. */
    public LDAPConnection connection() {
        return connection;
    }

    /** Creates an OU below this directory's root and returns its DN. */
    public String addOrganizationalUnit(String name) {
        String dn = "OU=" + name + "," + root;
        add(organizationalUnit(dn));
        return dn;
    }

    /**
     * Seeded user {@code u<i>} of this directory's people OU, without a password (userAccountControl
     * NORMAL_ACCOUNT | PASSWD_NOTREQD, so that seeding skips password hashing), disabled when asked.
     */
    public Entry seededUser(int i, boolean disabled) {
        String name = name(String.format("u%04d", i));
        return new Entry("CN=" + name + "," + peopleDn(), List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", name), new Attribute("userPrincipalName", name + "@example.org"),
                new Attribute("sn", "User " + i),
                new Attribute("userAccountControl", String.valueOf(SEEDED_ENABLED | (disabled ? 0x2 : 0)))));
    }

    /**
      * An enabled user {@code CN=<sAMAccountName>} in {@code OU=people} with the password set; the password must meet
      * the domain's complexity rules.
      */
    public static Entry user(String peopleDn, String samAccountName, String password) {
        return new Entry("CN=" + samAccountName + "," + peopleDn, List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("sAMAccountName", samAccountName),
                new Attribute("userPrincipalName", samAccountName + "@example.org"),
                new Attribute("givenName", samAccountName), new Attribute("sn", "Test"),
                new Attribute("mail", samAccountName + "@example.org"),
                new Attribute("userAccountControl", "512"),
                new Attribute("unicodePwd", unicodePwd(password))));
    }

    /** A universal security group {@code CN=<name>} in {@code OU=groups} with these member DNs. */
    public static Entry group(String groupsDn, String name, List<String> memberDns) {
        Entry entry = new Entry("CN=" + name + "," + groupsDn, List.of(
                new Attribute("objectClass", "top", "group"), new Attribute("sAMAccountName", name),
                // ADS_GROUP_TYPE_UNIVERSAL_GROUP | ADS_GROUP_TYPE_SECURITY_ENABLED
                new Attribute("groupType", String.valueOf(0x8 | 0x80000000))));
        if (!memberDns.isEmpty()) {
            entry.addAttribute("member", memberDns);
        }
        return entry;
    }

    /**
      * Adds many entries over four LDAPS connections, as many as the DC's LDAP workers (in order within each
      * connection: entry i goes over connection i % 4, so list groups after the members they name).
      */
    public static void addInParallel(List<Entry> entries) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    try (LDAPConnection connection = connect()) {
                        for (int i = part; i < entries.size(); i += threads) {
                            connection.add(entries.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    public void add(Entry entry) {
        try {
            connection.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add " + entry.getDN() + ": " + e.getMessage(), e);
        }
    }

    /**
      * Groups first, so that no member link is left to unwind, then the rest leaves first (a child's DN is its
      * parent's with one more RDN in front, so longest first). One entry per request: Samba's subtree-delete control
      * runs out of its time limit on a few thousand linked entries.
      */
    @Override
    public void close() {
        try {
            for (String filter : List.of("(objectClass=group)", "(objectClass=*)")) {
                List<String> dns = connection.search(root, SearchScope.SUB, filter, "1.1").getSearchEntries().stream()
                        .map(SearchResultEntry::getDN).sorted(Comparator.comparingInt(String::length).reversed())
                        .toList();
                for (String dn : dns) {
                    connection.delete(dn);
                }
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot remove the test OU " + root, e);
        } finally {
            connection.close();
        }
    }

    /** AD's password attribute value: the password in double quotes, UTF-16LE. */
    private static byte[] unicodePwd(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    private static Entry organizationalUnit(String dn) {
        return new Entry(dn, List.of(new Attribute("objectClass", "top", "organizationalUnit"),
                new Attribute("ou", dn.substring(3, dn.indexOf(',')))));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
