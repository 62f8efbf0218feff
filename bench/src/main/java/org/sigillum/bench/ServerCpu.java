package org.sigillum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the server under benchmark, read from /proc: the process bin/sigillum started
 * (SIGILLUM_BENCH_SERVER_PID) and its descendants, since the recorded PID may be a shell that runs the JVM as a
 * child. Absent (NaN readings) where there is no /proc or no PID, so a figure is left out rather than wrong.
 */
final class ServerCpu {

    /** Linux reports utime and stime in clock ticks of USER_HZ, 100 per second on every common build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final ProcessHandle server;

    private ServerCpu(ProcessHandle server) {
        this.server = server;
    }

    static ServerCpu fromEnvironment() {
        String pid = System.getenv("SIGILLUM_BENCH_SERVER_PID");
        if (pid == null || pid.isBlank()) {
            return new ServerCpu(null);
        }
        return new ServerCpu(ProcessHandle.of(Long.parseLong(pid.strip())).orElse(null));
    }

    /** Seconds of CPU (user + system) used so far by the server's processes, or NaN when unknown. */
    double seconds() {
        if (server == null) {
            return Double.NaN;
        }
        long ticks = 0;
        for (ProcessHandle process : Stream.concat(Stream.of(server), server.descendants()).toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                // fields after the command name, which is in parentheses and may contain spaces
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                // a process that ended between listing and reading: its CPU is no longer attributable
            }
        }
        return ticks / TICKS_PER_SECOND;
    }
}
