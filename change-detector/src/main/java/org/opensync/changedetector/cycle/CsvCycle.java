package org.opensync.changedetector.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.opensync.changedetector.ChangeDetectorConfig;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.lease.JobLeases;
import org.opensync.common.mirror.MirrorWait;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.connectors.csv.CsvFile;
import org.opensync.connectors.csv.CsvFormatException;
import org.opensync.connectors.csv.CsvRow;
import org.opensync.connectors.csv.CsvSource;
import org.opensync.connectors.csv.MissingRows;
import org.opensync.connectors.ldap.SourceEntry;
import org.opensync.connectors.ldap.Watermark;

/**
 * The read half of a cycle of a job whose source is a CSV file (source directory {@value #DIRECTORY}). The file is
 * read twice: once whole to check it (a malformed file publishes nothing) and take its checksum, which when equal to
 * the last import's ends the cycle with nothing published; then again to publish the rows whose image changed, and
 * the leavers ({@link CycleReader#disableUnseen}). The checksum of the file as published is saved as the job's
 * watermark once Kafka acknowledged everything; a restart that resets the watermark publishes every row again. The
 * cycle is always incremental for the provisioner: it must not delete the linked objects of rows that did not change.
 */
@ApplicationScoped
public class CsvCycle {
    public static final String DIRECTORY = "CSV";
    private static final Logger LOG = Logger.getLogger(CsvCycle.class);
    private static final String CHECKSUM = "sha256:";

    private final ReadMetrics metrics;
    private final SecretsMirror secrets;
    private final JobState state;
    private final ChangeDetectorConfig config;
    private final JobLeases leases;

    @Inject
    public CsvCycle(SecretsMirror secrets, JobState state, ChangeDetectorConfig config, JobLeases leases,
                    ReadMetrics metrics) {
        this.metrics = metrics;
        this.secrets = secrets;
        this.state = state;
        this.config = config;
        this.leases = leases;
    }

    void read(Tick tick, String cycleId, Instant began, String userType, SchemaMirror.MirroredSchema mirrored,
              ChangePublisher.Batch batch, UnaryOperator<Map<String, List<String>>> sealSecrets) {
        String jobId = tick.jobId();
        CsvSource source = source(MirrorWait.until(() -> secrets.secretsOf(mirrored.servicePrincipalId()),
                tick.occurredAt(), config.configurationWait()).orElseThrow(() -> new CycleFailure(
                "CredentialsMissing", "A CSV source needs the secrets " + CsvSource.PATH + " and "
                        + CsvSource.KEY_COLUMN + ".", true)));
        boolean everyRow = RestartScope.clearsWatermark(tick.resetScope());
        if (everyRow) {
            state.clearWatermark(jobId);
        }
        String checked = checksum(source, row -> { });
        batch.objectChange(new ObjectChange.CycleBegan(UUID.randomUUID().toString(), Instant.now(), jobId, cycleId,
                Tick.CycleKind.Incremental, tick.resetScope()));
        Optional<Watermark> last = state.watermark(jobId);
        CycleReader reader = new CycleReader(jobId, cycleId, batch, state, config.batchSize(),
                () -> leases.ensureHeld(jobId), sealSecrets);
        String imported = checked;
        if (last.map(Watermark::value).filter((CHECKSUM + checked)::equals).isEmpty()) {
            reader.file(everyRow);
            // A file replaced between the two reads is imported as read now, whole: its rows are what was published
            imported = checksum(source, row -> reader.row(new SourceEntry(userType, row.key(), row.key(),
                    row.values())));
            reader.fileRead();
            if (source.missingRows() == MissingRows.Disable) {
                reader.disableUnseen(userType);
            }
        }
        batch.awaitAcknowledgements();
        leases.ensureHeld(jobId);
        batch.objectChange(new ObjectChange.CycleReadCompleted(UUID.randomUUID().toString(), Instant.now(), jobId,
                cycleId, Tick.CycleKind.Incremental, began, reader.imported(), reader.changes()));
        batch.awaitAcknowledgements();
        state.saveWatermark(jobId, new Watermark(CHECKSUM + imported));
        metrics.completed(jobId, Tick.CycleKind.Incremental, began, reader.imported(), reader.changes());
        LOG.infof("job %s cycle %s: CSV file %s, %d rows read, %d changes", jobId, cycleId,
                source.file().getFileName(), reader.imported(), reader.changes());
    }

    private CsvSource source(Map<String, String> values) {
        try {
            return CsvSource.of(values, config.csvInbox().orElse(null), config.csvMaxFileSize(),
                    config.csvMaxRowLength());
        } catch (IllegalArgumentException e) {
            throw new CycleFailure("CredentialsInvalid", "The CSV source's secrets are not usable: "
                    + e.getMessage(), true);
        }
    }

    private static String checksum(CsvSource source, Consumer<CsvRow> rows) {
        try {
            return CsvFile.read(source.file(), source.settings(), rows);
        } catch (CsvFormatException e) {
            throw new CycleFailure("SourceFileInvalid", "The CSV file " + source.file().getFileName()
                    + " cannot be imported: " + e.getMessage(), true);
        } catch (UncheckedIOException e) {
            throw new CycleFailure("SourceFileUnreadable", "The CSV source cannot be read: " + e.getMessage(), true);
        }
    }
}
