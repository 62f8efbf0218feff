package org.sigillum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bin/sigillum bench cluster [--minutes M] [--rate R]. The mixed load of {@link MixedFlows} at a fixed arrival rate
 * ({@link OpenLoad}) against the balancer of a two-node cluster that bin/sigillum started with node 1 only.
 * Phase "1node": a third of the minutes on node 1 alone. Node 2 is then started. Phase "2node": two thirds on both
 * nodes, during which node 1 is killed with SIGKILL a quarter of the way in and at once started again, while the
 * load goes on; once node 1 is back, phase "2node.after_restart" shows whether both serve again. Each phase has
 * signers of its own; "1node" and "2node" have a warm-up before them (the JIT of a node that just started).
 * At the end, the signatures each signer was given are reconciled with the audit trail's records, and every SAD
 * sent a second time must have been refused. Prints each phase's figures as comments, then RESULT lines.
 */
public final class ClusterBench {

    private static final Duration WARM_UP = Duration.ofSeconds(20);
    // the coordinator, up the longest: its death makes the survivor take over the cluster view and cache topology
    private static final int KILLED_NODE = 1;
    private static final int JOINING_NODE = 2;

    private final BenchServer server;
    private final ClusterNodes nodes = new ClusterNodes();
    private final double rate;
    private final List<PhaseResults> phases = new ArrayList<>();

    private ClusterBench(double rate) throws Exception {
        this.server = new BenchServer();
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[0]);
        new ClusterBench(Double.parseDouble(args[1])).run(Duration.ofMinutes(minutes));
    }

    private void run(Duration load) throws Exception {
        Duration alone = load.dividedBy(3);
        Duration both = load.minus(alone);
        System.out.printf(Locale.ROOT, "# offered: %.2f flows/s, %.2f calls/s (SADs sent again not counted)%n", rate,
                rate * MixedFlows.callsPerFlow());
        phase("warm-up.1node", WARM_UP, null);
        PhaseResults one = phase("1node", alone, null);
        long joining = System.nanoTime();
        nodes.revive();
        System.out.printf(Locale.ROOT, "# node%d started and ready in %.1f s%n", JOINING_NODE,
                (System.nanoTime() - joining) / 1e9);
        phase("warm-up.2node", WARM_UP, null);
        CrashAndRestart crash = new CrashAndRestart(KILLED_NODE, both.dividedBy(4));
        PhaseResults two = phase("2node", both, crash);
        System.out.printf(Locale.ROOT, "# 2node: node%d killed (SIGKILL) at %.1f s, ready again at %.1f s, %.1f s later"
                + " (the phase lasted %.1f s)%n", KILLED_NODE, crash.killedAt, crash.readyAt, crash.downSeconds(),
                two.seconds());
        PhaseResults after = phase("2node.after_restart", WARM_UP, null);

        Map<String, Long> audited = AuditedSignatures.of(server,
                phases.stream().flatMap(phase -> phase.userIds().stream()).toList());
        Reconciliation total = new Reconciliation(0, 0, 0, 0);
        for (PhaseResults phase : phases) {
            Reconciliation r = Reconciliation.of(phase.userIds(), phase.returnedSignatures(), phase.inDoubtSignatures(), audited);
            System.out.printf(Locale.ROOT, "# %s reconciliation: %d signatures returned, %d audited, %d in doubt"
                    + " (answer lost), %d mismatches%n", phase.name(), r.returned(), r.audited(), r.inDoubt(), r.mismatches());
            total = total.plus(r);
        }
        boolean intact = AuditedSignatures.chainIntact(server);

        List<Double> measured = new ArrayList<>(one.allAnswerMillis());
        measured.addAll(two.allAnswerMillis());
        measured.sort(null);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cluster.rate.flows_per_second", rate);
        results.put("cluster.1node.throughput", one.throughput());
        results.put("cluster.2node.throughput", two.throughput());
        results.put("cluster.2node_vs_1node.ratio", two.throughput() / one.throughput());
        results.put("cluster.1node.p99_ms", PhaseResults.percentile(one.allAnswerMillis(), 99));
        results.put("cluster.2node.p99_ms", PhaseResults.percentile(two.allAnswerMillis(), 99));
        results.put("cluster.p99_ms", PhaseResults.percentile(measured, 99));
        results.put("cluster.1node.failures", one.failures());
        results.put("cluster.2node.failures", two.failures());
        results.put("cluster.node_restart_s", crash.downSeconds());
        results.put("cluster.2node.after_restart.throughput", after.throughput());
        results.put("cluster.2node.after_restart.failures", after.failures());
        results.put("cluster.reconciliation.returned", total.returned());
        results.put("cluster.reconciliation.audited", total.audited());
        results.put("cluster.reconciliation.in_doubt", total.inDoubt());
        results.put("cluster.reconciliation.mismatches", total.mismatches());
        results.put("cluster.sad_resends", phases.stream().mapToLong(PhaseResults::resends).sum());
        results.put("cluster.sad_resends.refused", phases.stream().mapToLong(PhaseResults::resendsRefused).sum());
        results.put("cluster.sad_double_spends", phases.stream().mapToLong(PhaseResults::doubleSpends).sum());
        results.put("cluster.audit_chain.intact", intact ? 1 : 0);
        results.forEach((name, value) -> System.out.println("RESULT " + name + "=" + (value instanceof Double d
                ? String.format(Locale.ROOT, "%.3f", d) : value)));
    }

    /** Something done to the cluster while a phase runs; the phase waits for it to finish. */
    private interface Disturbance {
        void run() throws Exception;
    }

    /** A node killed with SIGKILL after a delay and at once started again; seconds from the phase's start. */
    private final class CrashAndRestart implements Disturbance {

        private final int node;
        private final Duration delay;
        private volatile double killedAt;
        private volatile double readyAt;

        CrashAndRestart(int node, Duration delay) {
            this.node = node;
            this.delay = delay;
        }

        @Override
        public void run() throws Exception {
            long start = System.nanoTime();
            Thread.sleep(delay.toMillis());
            nodes.kill(node);
            killedAt = (System.nanoTime() - start) / 1e9;
            nodes.revive();
            readyAt = (System.nanoTime() - start) / 1e9;
        }

        double downSeconds() {
            return readyAt - killedAt;
        }
    }

    /** A phase: signers of its own, then the load for {@code duration} with the disturbance beside it. */
    private PhaseResults phase(String name, Duration duration, Disturbance disturbance) throws Exception {
        try (MixedFlows flows = MixedFlows.create(server)) {
            PhaseResults results = new PhaseResults(name, flows.userIds());
            ExecutorService beside = Executors.newSingleThreadExecutor();
            try {
                Future<?> disturbed = disturbance == null ? null : beside.submit(() -> {
                    disturbance.run();
                    return null;
                });
                OpenLoad.run(rate, duration, (index, due) -> flows.run(index, due, results));
                results.ended();
                if (disturbed != null) {
                    disturbed.get();
                }
            } finally {
                beside.shutdownNow();
            }
            phases.add(results);
            results.print();
            return results;
        }
    }
}
