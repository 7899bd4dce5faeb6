package org.opensync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of what runs beside the services on this machine: PostgreSQL (every server process, and the children that
 * ended, which the postmaster accounts), the Kafka broker, slapd, and this test JVM (the SCIM app, the LDAP writes).
 * The services' own figures left out the 100k cycle's largest consumer once (PostgreSQL on stale plans). Read from
 * {@code /proc}; empty where there is none, and PostgreSQL or Kafka in containers are not seen.
 */
final class InfrastructureCpu {
    /** USER_HZ: the unit of /proc's CPU times on every Linux architecture the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private InfrastructureCpu() {
    }

    static Map<String, Duration> now() {
        Map<String, Duration> times = new LinkedHashMap<>();
        List<ProcessHandle> processes = ProcessHandle.allProcesses().toList();
        times.put("postgresql", sum(processes, command("postgres")).plus(postmasterChildren(processes)));
        times.put("kafka", sum(processes, handle -> arguments(handle).contains("kafka.Kafka")));
        times.put("slapd", sum(processes, command("slapd")));
        times.put("e2e JVM (SCIM app)", cpu(ProcessHandle.current()));
        return times;
    }

    private static Predicate<ProcessHandle> command(String name) {
        return handle -> handle.info().command().map(command -> command.endsWith("/" + name)).orElse(false);
    }

    private static String arguments(ProcessHandle handle) {
        return String.join(" ", handle.info().arguments().orElse(new String[0]));
    }

    private static Duration sum(List<ProcessHandle> processes, Predicate<ProcessHandle> which) {
        return processes.stream().filter(which).map(InfrastructureCpu::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU of the postmaster's children that ended (connections closed), which no live process shows any more. */
    private static Duration postmasterChildren(List<ProcessHandle> processes) {
        Predicate<ProcessHandle> postgres = command("postgres");
        return processes.stream().filter(postgres)
                .filter(handle -> handle.parent().map(parent -> !postgres.test(parent)).orElse(true))
                .map(InfrastructureCpu::childrenCpu).reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration childrenCpu(ProcessHandle handle) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            // after "pid (comm) ": state, ppid, ...; counting the state as 0, utime stime cutime cstime are 11 to 14
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
