package org.sigillum.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cluster's nodes as bin/sigillum cluster shows and starts them: their pids from the status lines, a node
 * killed with SIGKILL as a crash would (its process and everything under it, standalone.sh and the JVM), and
 * started again with {@code cluster revive} (every node that is not running), whose output goes to a log file.
 */
final class ClusterNodes {

    private static final Pattern STATUS_LINE = Pattern.compile("node(\\d+) pid=(\\S+) url=(\\S+)");

    private final String command;
    private final File log;

    ClusterNodes() {
        this.command = BenchServer.env("SIGILLUM_HOME") + "/bin/sigillum";
        this.log = new File(BenchServer.env("SIGILLUM_BENCH_LOG_DIR"), "cluster-nodes.log");
    }

    /** The pid of node {@code n}, as {@code cluster status} prints it; fails if the node is not running. */
    long pid(int n) throws IOException, InterruptedException {
        Process status = new ProcessBuilder(command, "cluster", "status").redirectErrorStream(true).start();
        String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (status.waitFor() != 0) {
            throw new IllegalStateException("cluster status failed: " + output);
        }
        Matcher line = STATUS_LINE.matcher(output);
        while (line.find()) {
            if (Integer.parseInt(line.group(1)) == n && !line.group(2).equals("-")) {
                return Long.parseLong(line.group(2));
            }
        }
        throw new IllegalStateException("node " + n + " is not running: " + output);
    }

    void kill(int n) throws IOException, InterruptedException {
        ProcessHandle node = ProcessHandle.of(pid(n)).orElseThrow(() -> new IllegalStateException("node " + n + " gone"));
        List<ProcessHandle> tree = Stream.concat(node.descendants(), Stream.of(node)).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Starts every node that is not running (the one killed, or not yet started) and returns once they answer ready. */
    void revive() throws IOException, InterruptedException {
        Process start = new ProcessBuilder(command, "cluster", "revive").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (start.waitFor() != 0) {
            throw new IllegalStateException("cluster revive failed; see " + log);
        }
    }
}
