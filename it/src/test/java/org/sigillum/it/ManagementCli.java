package org.sigillum.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WildFly's own view of the server, read with jboss-cli over the management port. */
final class ManagementCli {

    static final String HSM_POOL =
            "/subsystem=resource-adapters/resource-adapter=sigillum-hsm/connection-definitions=hsm/statistics=pool";

    private ManagementCli() {
    }

    static String run(String command) {
        return runAt(Sigillum.env("SIGILLUM_IT_CONTROLLER"), command);
    }

    /** The command run against the server whose management interface is {@code controller} (host:port). */
    static String runAt(String controller, String command) {
        ProcessBuilder builder = new ProcessBuilder(Sigillum.env("SIGILLUM_IT_JBOSS_CLI"), "-c",
                "--controller=" + controller, "--command=" + command);
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("success")) {
                throw new AssertionError("jboss-cli failed for " + command + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void enableHsmPoolStatistics() {
        run(HSM_POOL + ":write-attribute(name=statistics-enabled, value=true)");
    }

    static long hsmPoolStatistic(String name) {
        String output = run(HSM_POOL + ":read-attribute(name=" + name + ")");
        Matcher matcher = Pattern.compile("\"result\" => \"?(\\d+)").matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("no value for " + name + " in " + output);
        }
        return Long.parseLong(matcher.group(1));
    }

    static long hsmPoolMaxSize() {
        String output = run("/subsystem=resource-adapters/resource-adapter=sigillum-hsm/connection-definitions=hsm"
                + ":read-attribute(name=max-pool-size, resolve-expressions=true)");
        Matcher matcher = Pattern.compile("\"result\" => \"?(\\d+)").matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("no max-pool-size in " + output);
        }
        return Long.parseLong(matcher.group(1));
    }
}
