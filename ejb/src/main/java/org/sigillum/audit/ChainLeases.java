package org.sigillum.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's audit chains ({@code <node>/<n>}) and which of them are free. A transaction that appends takes one
 * for its whole duration and gives it back when it completes, so appends on one node run on as many chains at
 * once as there are, and appends on different nodes never meet: no node-wide or cluster-wide lock on the path.
 */
@ApplicationScoped
public class ChainLeases {

    /** Longer than any append's transaction should last; a wait this long means the node is wedged. */
    private static final long WAIT_SECONDS = 30;

    @Inject
    @ConfigProperty(name = "sigillum.audit.chains-per-node", defaultValue = "4")
    int chainsPerNode;

    private String node;
    private List<String> chainIds;
    private BlockingQueue<String> free;

    @PostConstruct
    void init() {
        if (chainsPerNode < 1 || chainsPerNode > 64) {
            throw new IllegalStateException("sigillum.audit.chains-per-node must be 1..64, not " + chainsPerNode);
        }
        node = nodeName();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chainsPerNode; i++) {
            ids.add(node + "/" + i);
        }
        chainIds = List.copyOf(ids);
        free = new ArrayBlockingQueue<>(chainsPerNode, true, chainIds);
    }

    public String node() {
        return node;
    }

    public List<String> chainIds() {
        return chainIds;
    }

    /** A free chain of this node, waited for when all are in use. */
    public String take() {
        try {
            String chain = free.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (chain == null) {
                throw new IllegalStateException("every audit chain of node " + node + " stayed busy for "
                        + WAIT_SECONDS + " s");
            }
            return chain;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an audit chain", e);
        }
    }

    public void give(String chainId) {
        free.offer(chainId);
    }

    /**
     * The node's name as the cluster knows it ({@code jboss.node.name}), made fit for a chain id. Two nodes that
     * share a name share chains: still correct (the chain row lock orders them), only slower.
     */
    static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "node";
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 56 ? safe.substring(0, 56) : safe;
    }
}
