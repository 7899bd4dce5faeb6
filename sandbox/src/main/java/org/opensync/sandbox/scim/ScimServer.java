package org.opensync.sandbox.scim;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
  * An in-memory SCIM 2.0 service provider on the JDK's HTTP server, with a request journal, fault injection,
  * counters and switchable real-server {@link ServerQuirks} for tests and benchmarks.
  * {@code new ScimServer(ScimServerConfig.defaults()).start()} listens on an ephemeral loopback port; {@link #baseUrl()} is the tenant URL to give a client.
  */
public final class ScimServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // ~40 ms per keep-alive request. Must be set before the server's config class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final int BACKLOG = 256;

    private final ScimServerConfig config;
    private final ResourceStore users;
    private final ResourceStore groups;
    private final RequestJournal journal;
    private final FaultInjector faults = new FaultInjector();
    private final RequestCounters counters = new RequestCounters();
    private final ServerQuirks quirks = new ServerQuirks();
    private final OAuthClients oauth = new OAuthClients(Clock.systemUTC());
    private final ScimApiHandler api;
    private final AdminHandler admin;
    private final StatusPageHandler statusPage;
    private final ExecutorService workers;
    private final ScheduledExecutorService outages;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile HttpServer http;
    private volatile int port;

    public ScimServer(ScimServerConfig config) {
        this.config = config;
        ScimSchemas schemas = ScimSchemas.load();
        this.users = new ResourceStore(ResourceType.USER, schemas, this::baseUrl,
                () -> quirks.settings().caseSensitiveUserName());
        this.groups = new ResourceStore(ResourceType.GROUP, schemas, this::baseUrl, () -> false);
        this.journal = new RequestJournal(config.journalCapacity());
        this.api = new ScimApiHandler(config, new ResourceEndpoint(users, config, quirks),
                new ResourceEndpoint(groups, config, quirks), new DiscoveryEndpoint(schemas, config, this::baseUrl, quirks),
                faults, journal, counters, oauth, quirks, this::baseUrl);
        this.admin = new AdminHandler(this);
        this.statusPage = new StatusPageHandler(users, groups, quirks);
        this.workers = Executors.newFixedThreadPool(config.threads(), daemonThreads("scim-worker"));
        this.outages = Executors.newSingleThreadScheduledExecutor(daemonThreads("scim-outage"));
    }

    public ScimServer start() {
        http = listen(config.port());
        port = http.getAddress().getPort();
        return this;
    }

    /** Stops listening at once; in-flight requests are cut off. */
    public void stop() {
        outages.shutdownNow();
        try {
            // A restart after an outage may be running: let it finish so its listener is the one stopped below.
            outages.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) {
            http.stop(0);
        }
        workers.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /**
      * Goes down for {@code duration}: the listening socket closes and open connections drop, so clients get
      * "connection refused"; then it listens again on the same port. Ignored while already down.
      */
    public void outage(Duration duration) {
        outageOnceAnswered(duration, CompletableFuture.completedFuture(null));
    }

    /**
      * Like {@link #outage}, but only {@link #isDown} changes at once; the listener closes when {@code answered}
      * completes, so the request that asked for the outage still gets its answer and whoever sees the answer also
      * sees the server down.
      */
    void outageOnceAnswered(Duration duration, CompletionStage<?> answered) {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        answered.whenComplete((ignored, failure) -> outages.execute(() -> {
            http.stop(0);
            outages.schedule(this::listenAgain, duration.toMillis(), TimeUnit.MILLISECONDS);
        }));
    }

    /** The port may not be free again at once after the listener closed: try again shortly until it is. */
    private void listenAgain() {
        try {
            http = listen(port);
            down.set(false);
        } catch (UncheckedIOException portStillTaken) {
            outages.schedule(this::listenAgain, 50, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether an {@link #outage} is in progress. */
    public boolean isDown() {
        return down.get();
    }

    /** Forgets all users, groups, journal entries, faults, counts and OAuth clients, and switches every quirk off. */
    public void reset() {
        users.clear();
        groups.clear();
        journal.clear();
        faults.clear();
        counters.reset();
        quirks.clear();
        oauth.clear();
    }

    public int port() {
        return port;
    }

    /** e.g. {@code http://127.0.0.1:8090/scim/v2}: the tenant URL. */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port + config.basePath();
    }

    public String statusPageUrl() {
        return "http://" + hostForUrl() + ":" + port + "/";
    }

    public String adminUrl() {
        return "http://" + hostForUrl() + ":" + port + AdminHandler.PREFIX;
    }

    public ScimServerConfig config() {
        return config;
    }

    public ResourceStore users() {
        return users;
    }

    public ResourceStore groups() {
        return groups;
    }

    public RequestJournal journal() {
        return journal;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestCounters counters() {
        return counters;
    }

    /** The real-server behaviours in force; change them at any time, e.g. {@code quirks().ignorePaging(true)}. */
    public ServerQuirks quirks() {
        return quirks;
    }

    /** OAuth clients that may trade their credentials for tokens at {@link #tokenUrl()}; none by default. */
    public OAuthClients oauth() {
        return oauth;
    }

    /** e.g. {@code http://127.0.0.1:8090/oauth2/token}: the client-credentials token endpoint. */
    public String tokenUrl() {
        return "http://" + hostForUrl() + ":" + port + OAuthTokenHandler.PATH;
    }

    private HttpServer listen(int listenPort) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), listenPort), BACKLOG);
            server.setExecutor(workers);
            server.createContext(config.basePath(), api);
            server.createContext(AdminHandler.PREFIX, admin);
            server.createContext(OAuthTokenHandler.PATH, new OAuthTokenHandler(oauth));
            server.createContext("/", statusPage);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + listenPort, e);
        }
    }

    private String hostForUrl() {
        String host = config.bindAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
