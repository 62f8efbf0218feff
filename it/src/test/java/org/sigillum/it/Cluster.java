package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cluster that {@code bin/sigillum test --cluster} started, and the faults the failover tests cause in it. Nodes are
 * numbered from 1 as in {@code bin/sigillum cluster status}; SIGILLUM_IT_NODE_URLS, _NODE_PIDS and _NODE_CONTROLLERS
 * list them in that order. Cuts, heals, revivals and database restarts go through the cluster command
 * (SIGILLUM_IT_CLUSTER_COMMAND), which knows the cluster's ports, addresses and PostgreSQL.
 */
final class Cluster {

    /** The members of a view ("[node1(v=…)|2] (3) [node1(v=…), node2(v=…), …]"), or of a merge view's new view. */
    private static final Pattern MEMBERS = Pattern.compile("\\|\\d+] \\(\\d+\\) \\[([^]]*)]");

    /** A node's line of {@code bin/sigillum cluster status}: "node2 pid=1234 url=…", pid=- when it is not running. */
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^node\\d+ pid=(\\d+|-) ");

    private Cluster() {
    }

    static List<String> nodeUrls() {
        return List.of(Sigillum.env("SIGILLUM_IT_NODE_URLS").split(","));
    }

    static List<Long> nodePids() {
        return Arrays.stream(Sigillum.env("SIGILLUM_IT_NODE_PIDS").split(",")).map(Long::valueOf).toList();
    }

    static String balancerUrl() {
        return Sigillum.env("SIGILLUM_IT_BALANCER_URL");
    }

    /** Node N's members of the JGroups channel "ee", as WildFly reports them, sorted ({@code [node1, node2]}). */
    static List<String> view(int node) {
        String controller = Sigillum.env("SIGILLUM_IT_NODE_CONTROLLERS").split(",")[node - 1];
        String output = ManagementCli.runAt(controller, "/subsystem=jgroups/channel=ee:read-attribute(name=view)");
        // a merge view goes on with the subgroups it merged: the first member list is the view's own
        Matcher members = MEMBERS.matcher(output);
        if (!members.find()) {
            throw new AssertionError("no view in " + output);
        }
        return Arrays.stream(members.group(1).split(",")).map(m -> m.strip().replaceFirst("\\(.*", "")).sorted().toList();
    }

    /** Waits until every listed node reports exactly {@code members} in its view; false when it does not happen in time. */
    static boolean awaitViews(List<Integer> nodes, List<String> members, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (nodes.stream().allMatch(node -> view(node).equals(members))) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    static List<String> memberNames(List<Integer> nodes) {
        return nodes.stream().map(n -> "node" + n).toList();
    }

    /** Cuts the JGroups link between the given nodes and all the others (nftables rules, see bin/lib/cluster.sh). */
    static void cut(int... nodes) {
        command(Stream.concat(Stream.of("cut"), Arrays.stream(nodes).mapToObj(String::valueOf)).toArray(String[]::new));
    }

    static void heal() {
        command("heal");
    }

    /** Starts every node that is not running, on the cluster's database and token, and waits until each is ready. */
    static void revive() {
        command("revive");
    }

    /** PostgreSQL stopped in immediate mode, down for {@code seconds}, started again; returns once it runs. */
    static void restartDatabase(int seconds) {
        command("db-restart", String.valueOf(seconds));
    }

    /** pg_terminate_backend for every other session of the Sigillum database; returns how many were ended. */
    static int terminateDatabaseSessions() throws SQLException {
        try (Connection db = Database.connect(); Statement statement = db.createStatement();
             ResultSet ended = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                     + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    /** SIGKILL to a node's JVM (the PID cluster status prints) and anything under it, as a crash would. */
    static void killWithSigkill(long pid) {
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no node is running as " + pid));
        List<ProcessHandle> tree = Stream.concat(node.descendants(), Stream.of(node)).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
        assertFalse(node.isAlive(), "node process " + pid + " is gone");
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The PID of each node now, in order, from {@code bin/sigillum cluster status}; -1 for a node that is not running. */
    static List<Long> currentPids() {
        List<Long> pids = new ArrayList<>();
        Matcher node = STATUS_LINE.matcher(command("status"));
        while (node.find()) {
            pids.add(node.group(1).equals("-") ? -1 : Long.parseLong(node.group(1)));
        }
        return pids;
    }

    private static String command(String... args) {
        List<String> line = new ArrayList<>(List.of(Sigillum.env("SIGILLUM_IT_CLUSTER_COMMAND"), "cluster"));
        line.addAll(List.of(args));
        ExternalTools.Run run = ExternalTools.run(null, Duration.ofMinutes(10), line);
        if (run.exit() != 0) {
            throw new AssertionError(String.join(" ", line) + " failed: " + run.output());
        }
        return run.output();
    }
}
