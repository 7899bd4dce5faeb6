package org.opensync.common.events;

/** Kafka topics of the platform. */
public final class Topics {
    public static final String JOB_COMMANDS = "sync.job-commands";
    public static final String TICKS = "sync.ticks";
    public static final String JOB_EVENTS = "sync.job-events";
    public static final String DEAD_LETTER = "sync.dead-letter";
    /** Compacted, key = template id: {@link TemplatePublished}. */
    public static final String TEMPLATES = "sync.templates";
    /** Compacted, key = job id: the effective synchronization schema of each job. */
    public static final String SCHEMAS = "sync.schemas";
    /** Compacted, key = service principal id: sealed connection secrets. */
    public static final String SECRETS = "sync.secrets";
    /** Compacted, key = job id: {@link JobSettingsPublished}, the job's synchronizationJobSettings. */
    public static final String JOB_SETTINGS = "sync.job-settings";
    /** Key = job id + anchor, partitioned by job id: source object images and cycle markers. */
    public static final String OBJECT_CHANGES = "sync.object-changes";
    /** One provisioning-log record per object and cycle. */
    public static final String PROVISIONING_LOGS = "sync.provisioning-logs";
    /** Key = job id: the users uploaded through {@code bulkUpload}, one record per operation. */
    public static final String INBOUND_RECORDS = "sync.inbound-records";
    /** Key = job id: {@link SourceChanged}, the doorbell of a source that pushes its changes. */
    public static final String SOURCE_CHANGES = "sync.source-changes";

    private Topics() {
    }
}
