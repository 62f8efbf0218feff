package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checklist E4, issue 11 item 6: a node that stops gracefully anchors its chains' heads on the way down, so the
 * records it wrote since its last periodic anchor (up to a minute of them) are anchored too and their truncation
 * would be found. Node 2 signs, gets SIGTERM (WildFly's graceful stop), and the anchors then hold each of its chains
 * at its final head, in an anchor made after the signal that node 1's verification accepts.
 */
@Tag("cluster")
class ShutdownAnchorClusterIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @Test
    void e4GracefulStopAnchorsTheTailOfTheNodesChains() throws Exception {
        List<String> nodes = Cluster.nodeUrls();
        assertTrue(nodes.size() >= 2, "at least two nodes");
        String node2 = nodes.get(1);
        CscClient signer = CscClient.newSigner();
        String credential = signer.newCredential(EC).get("credentialID").asText();
        long auditBefore = AuditLog.head();
        for (int i = 0; i < 5; i++) {
            byte[] hash = Signatures.sha256(Signatures.randomData());
            Sigillum.Reply authorized = signer.authorizeAt(node2, credential, List.of(hash), CscClient.SHA256);
            assertEquals(200, authorized.status(), authorized.body());
            String sad = authorized.json().get("SAD").asText();
            Sigillum.Reply signed = signer.signHashAt(node2, credential, sad, List.of(hash), CscClient.SHA256, ECDSA_SHA256);
            assertEquals(200, signed.status(), signed.body());
        }
        String chain = null;
        for (JsonNode record : AuditLog.recordsAfter(auditBefore)) {
            if ("SIGNED".equals(record.path("event").asText()) && credential.equals(record.path("credentialId").asText())) {
                chain = record.get("chainId").asText();
            }
        }
        assertNotNull(chain, "node 2's signatures are audited");
        String nodeName = chain.substring(0, chain.lastIndexOf('/'));

        long pid = Cluster.currentPids().get(1);
        Instant signalled = Instant.now().minusSeconds(1);
        try {
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node 2 is not running"));
            assertTrue(process.destroy(), "SIGTERM to node 2");
            process.onExit().get(120, TimeUnit.SECONDS);
            assertFalse(Cluster.isAlive(pid), "node 2 stopped");

            Map<String, String> finalHeads = new TreeMap<>();
            String anchored = null;
            try (Connection db = Database.connect()) {
                try (PreparedStatement heads = db.prepareStatement(
                        "SELECT chain_id, last_seq, last_mac FROM audit_chain WHERE chain_id LIKE ? AND last_seq > 0")) {
                    heads.setString(1, nodeName + "/%");
                    try (ResultSet rows = heads.executeQuery()) {
                        while (rows.next()) {
                            finalHeads.put(rows.getString(1), rows.getLong(2) + " " + rows.getString(3).trim());
                        }
                    }
                }
                try (PreparedStatement anchors = db.prepareStatement("SELECT heads FROM audit_anchor WHERE node = ? "
                        + "AND anchored_at >= ? ORDER BY anchored_at DESC")) {
                    anchors.setString(1, nodeName);
                    // stored times are UTC wall-clock values
                    anchors.setObject(2, LocalDateTime.ofInstant(signalled, ZoneOffset.UTC));
                    try (ResultSet rows = anchors.executeQuery()) {
                        if (rows.next()) {
                            anchored = rows.getString(1);
                        }
                    }
                }
            }
            assertTrue(finalHeads.containsKey(chain), "node 2's chain " + chain + " has records");
            assertNotNull(anchored, "node 2 made an anchor while it stopped");
            for (Map.Entry<String, String> head : finalHeads.entrySet()) {
                assertTrue(anchored.contains(head.getKey() + " " + head.getValue() + "\n"),
                        "the shutdown anchor holds chain " + head.getKey() + " at its final head " + head.getValue()
                                + "; anchored: " + anchored);
            }
            // the anchor is a real one: its MAC and time-stamp verify, as every other anchor's
            AuditLog.assertIntact();
        } finally {
            Cluster.revive();
        }
    }
}
