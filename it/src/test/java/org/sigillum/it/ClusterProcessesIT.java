package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PID that {@code bin/sigillum cluster status} prints is the node's JVM, the process whose death is the node's
 * death: an operator's script or a test harness that kills it kills the node (ClusterFailoverIT's F1 and F5 do), and a
 * wrapper that dies alone changes nothing, neither the node nor what the cluster command knows of it
 * (bin/lib/wildfly.sh, instance_pid). The node is left running, without its wrapper: cluster stop still stops it.
 */
@Tag("cluster")
class ClusterProcessesIT {

    @Test
    void thePrintedPidIsTheNodesJvmWhateverHappensToItsWrapper() throws Exception {
        List<String> nodes = Cluster.nodeUrls();
        int last = nodes.size();
        String url = nodes.get(last - 1);
        long pid = Cluster.currentPids().get(last - 1);
        assertTrue(pid > 0, "node " + last + " runs");
        assertJvmOfNode(pid, last);

        // the standalone.sh wrapper killed alone: the node goes on serving, under the same PID
        ProcessHandle wrapper = ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .orElseThrow(() -> new AssertionError("no parent of " + pid));
        if (wrapper.info().command().map(command -> command.endsWith("sh")).orElse(false)) {
            wrapper.destroyForcibly();
            wrapper.onExit().get(10, TimeUnit.SECONDS);
        }
        assertTrue(Sigillum.awaitReadiness(url, 200, 10), "node " + last + " still serves without its wrapper");
        assertEquals(pid, Cluster.currentPids().get(last - 1), "the cluster command still knows the node's JVM");
        // killing that PID is the node's death: ClusterFailoverIT's F1 and F5 kill nodes by it and revive them
        System.out.println("RESULT cluster.pid node" + last + " pid=jvm wrapper-killed=still-serving");
    }

    /** The process's own arguments: a JVM running WildFly as node N (the base directory is the instance's). */
    private static void assertJvmOfNode(long pid, int node) throws IOException {
        String arguments = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
        assertTrue(arguments.contains(" org.jboss.as.standalone ") && arguments.contains("-Djboss.node.name=node" + node + " "),
                "PID " + pid + " is node " + node + "'s JVM: " + arguments);
        assertTrue(ProcessHandle.of(pid).flatMap(process -> process.info().command()).orElse("").endsWith("/java"),
                "PID " + pid + " is a java process");
    }
}
