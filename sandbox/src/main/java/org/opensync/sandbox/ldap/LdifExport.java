package org.opensync.sandbox.ldap;

import com.unboundid.ldif.LDIFWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes a generated data set as LDIF, e.g. for {@code slapadd} into an OpenLDAP benchmark instance. */
public final class LdifExport {

    private LdifExport() {
    }

    /** Streams entry by entry, so 100k users never sit in memory as LDAP entries at once. */
    public static void write(DirectoryData data, Path file) throws IOException {
        try (LDIFWriter writer = new LDIFWriter(file.toFile())) {
            data.entries().forEach(entry -> {
                try {
                    writer.writeEntry(entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
