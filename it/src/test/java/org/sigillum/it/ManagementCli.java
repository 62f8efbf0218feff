package org.sigillum.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return execute(controller, "--command=" + command);
    }

    private static String execute(String what) {
        return execute(Sigillum.env("SIGILLUM_IT_CONTROLLER"), what);
    }

    private static String execute(String controller, String what) {
        ExternalTools.Run run = ExternalTools.run(null, Duration.ofSeconds(60),
                List.of(Sigillum.env("SIGILLUM_IT_JBOSS_CLI"), "-c", "--controller=" + controller, what));
        if (run.exit() != 0 || !run.output().contains("success")) {
            throw new AssertionError("jboss-cli failed for " + what + ": " + run.output());
        }
        return run.output();
    }

    /** Several commands in one jboss-cli run; --commands splits at every comma, so a command with commas goes alone. */
    static String runAll(List<String> commands) {
        return commands.size() == 1 ? run(commands.get(0)) : execute("--commands=" + String.join(",", commands));
    }

    /** System properties' stored values: an expression such as {@code ${env.X:default}} stays unresolved. */
    static Map<String, String> systemProperties(List<String> names) {
        String output = run("/:read-children-resources(child-type=system-property)");
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\" => \\{\\s*\"value\" => (?:expression )?\"(.*)\"")
                    .matcher(output);
            if (!matcher.find()) {
                throw new AssertionError("no system property " + name + " in " + output);
            }
            values.put(name, matcher.group(1));
        }
        return values;
    }

    /** Sets system properties of the running server at once (no reload), as MicroProfile Config then reads them. */
    static void setSystemProperties(Map<String, String> values) {
        StringBuilder script = new StringBuilder();
        values.forEach((name, value) -> script.append("/system-property=").append(name)
                .append(":write-attribute(name=value, value=\"").append(value).append("\")\n"));
        try {
            Path file = Files.createTempFile("sigillum-it", ".cli");
            try {
                Files.writeString(file, script);
                execute("--file=" + file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
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
