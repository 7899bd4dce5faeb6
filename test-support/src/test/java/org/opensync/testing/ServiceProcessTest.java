package org.opensync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The services' JVM options: a roomy heap for tests, or the ones a benchmark names (bin/platform's, to measure). */
class ServiceProcessTest {
    @AfterEach
    void clear() {
        System.clearProperty(ServiceProcess.JVM_OPTIONS);
    }

    @Test
    void testsGiveTheServicesARoomyHeap() {
        assertThat(ServiceProcess.jvmOptions()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
    }

    @Test
    void theNamedOptionsReplaceThem() {
        System.setProperty(ServiceProcess.JVM_OPTIONS, " -Xmx192m  -XX:MaxNewSize=8m\n-XX:TieredStopAtLevel=1 ");
        assertThat(ServiceProcess.jvmOptions()).containsExactly("-Xmx192m", "-XX:MaxNewSize=8m",
                "-XX:TieredStopAtLevel=1");
    }
}
