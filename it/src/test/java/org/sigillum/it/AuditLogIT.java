package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Checklist E: admin and key events are recorded without secrets (E1); editing a row (E2), even with the chain
 * re-computed after it, or deleting one (E3) in SQL is found by the verification; so is a tail removed after an
 * anchor (E4); concurrent writers leave intact chains (E5); hostile values are stored escaped and cannot forge
 * records or log lines (E6). Tampering is undone before each test ends.
 */
class AuditLogIT {

    @Test
    void e1AdminAndKeyEventsAreRecordedWithoutSecrets() {
        long before = AuditLog.head();
        String user = Sigillum.createUser();
        JsonNode credential = Sigillum.operatorPost("/api/v1/users/" + user + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").json();
        Sigillum.operatorPost("/api/v1/users/" + user + "/credentials", "{\"keyAlgo\":\"RSA\",\"keyLength\":1024}");

        List<JsonNode> records = AuditLog.recordsAfter(before);
        assertEquals(List.of("USER_CREATED", "CREDENTIAL_CREATED", "CREDENTIAL_CREATION_REFUSED"),
                records.stream().map(r -> r.get("event").asText()).toList());
        assertEquals(List.of("SUCCESS", "SUCCESS", "REFUSED"), records.stream().map(r -> r.get("outcome").asText()).toList());
        for (JsonNode record : records) {
            assertEquals(user, record.get("userId").asText());
            String operatorClient = Sigillum.env("SIGILLUM_IT_BOOTSTRAP_CLIENT_ID");
            assertEquals("client:" + operatorClient, record.get("actor").asText());
            assertEquals(operatorClient, record.get("clientId").asText());
            assertTrue(record.get("recordedAt").asText().endsWith("Z"), "UTC: " + record);
        }
        assertEquals(credential.get("credentialID").asText(), records.get(1).get("credentialId").asText());
        assertTrue(records.get(2).get("detail").asText().contains("keyLength must be"), records.get(2).toString());
        String publicKey = credential.get("publicKey").asText();
        records.forEach(r -> assertFalse(r.toString().contains(publicKey.substring(30, 60)), "key material: " + r));
        AuditLog.assertIntact();
    }

    @Test
    void e2EditingOneRowInSqlIsDetected() throws Exception {
        Sigillum.createUser();
        long seq = AuditLog.head();
        String original = column(seq, "detail");
        try {
            update(seq, "detail", original.replace("}", ",\"note\":\"edited\"}"));
            JsonNode verification = AuditLog.verification();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            assertTrue(verification.get("problems").toString().contains("record " + seq + " (chain "),
                    verification.toString());
            assertTrue(verification.get("problems").toString().contains("was altered"), verification.toString());
        } finally {
            update(seq, "detail", original);
        }
        AuditLog.assertIntact();
    }

    @Test
    void e3DeletingARowInTheMiddleIsDetected() throws Exception {
        for (int i = 0; i < 6; i++) {
            Sigillum.createUser();
        }
        String chain = column(AuditLog.head(), "chain_id");
        long last = chainHead(chain);
        Map<String, Object> row = row(seqAt(chain, last - 1));
        try (Connection db = Database.connect();
             PreparedStatement delete = db.prepareStatement("DELETE FROM audit_record WHERE seq = ?")) {
            delete.setLong(1, ((Number) row.get("seq")).longValue());
            assertEquals(1, delete.executeUpdate());
        }
        try {
            JsonNode verification = AuditLog.verification();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            assertTrue(verification.get("problems").toString().contains("chain " + chain + ": records #" + (last - 1)
                    + " to #" + (last - 1) + " are missing"), verification.toString());
        } finally {
            insert(row);
        }
        AuditLog.assertIntact();
    }

    /**
     * An attacker with write access to the database, but not to the HSM, edits a record and re-computes the chain
     * from there to the head, as would pass an unkeyed hash chain: every re-computed record is found altered.
     */
    @Test
    void e2RewrittenRecordWithRehashedTailIsDetectedWithoutTheHsmKey() throws Exception {
        for (int i = 0; i < 6; i++) {
            Sigillum.createUser();
        }
        String chain = column(AuditLog.head(), "chain_id");
        long last = chainHead(chain);
        List<Map<String, Object>> tail = new ArrayList<>();
        for (long place = last - 1; place <= last; place++) {
            tail.add(row(seqAt(chain, place)));
        }
        Map<String, Object> headRow = chainRow(chain);
        List<String> anchorsBefore = anchorIds();
        try {
            String prev = tail.get(0).get("prev_hash").toString();
            for (int i = 0; i < tail.size(); i++) {
                Map<String, Object> forged = new LinkedHashMap<>(tail.get(i));
                if (i == 0) {
                    forged.put("actor", "someone-else");
                }
                forged.put("prev_hash", prev);
                forged.put("record_hash", HexFormat.of().formatHex(
                        Signatures.sha256(forged.toString().getBytes(StandardCharsets.UTF_8))));
                replace(forged);
                prev = forged.get("record_hash").toString();
            }
            setChainHead(chain, last, prev);
            JsonNode verification = AuditLog.verification();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            String problems = verification.get("problems").toString();
            for (Map<String, Object> record : tail) {
                assertTrue(problems.contains("record " + record.get("seq") + " (chain " + chain + " #"
                        + record.get("chain_seq") + ") was altered"), verification.toString());
            }
        } finally {
            tail.forEach(AuditLogIT::replaceQuietly);
            setChainHead(chain, ((Number) headRow.get("last_seq")).longValue(), headRow.get("last_mac").toString());
            // a periodic anchor made meanwhile saw the forged head, and would rightly disown the restored one
            deleteAnchorsOtherThan(anchorsBefore);
        }
        AuditLog.assertIntact();
    }

    /**
     * E4: records removed from a chain's tail after an anchor, with the chain head moved back to match, are found:
     * the anchor, MAC'd in the HSM and time-stamped, still names the removed place.
     */
    @Test
    void e4TruncatedTailAfterAnAnchorIsDetected() throws Exception {
        for (int i = 0; i < 6; i++) {
            Sigillum.createUser();
        }
        String chain = column(AuditLog.head(), "chain_id");
        long last = chainHead(chain);
        AuditLog.anchor();
        Map<String, Object> headRow = chainRow(chain);
        Map<String, Object> removed = row(seqAt(chain, last));
        Map<String, Object> before = row(seqAt(chain, last - 1));
        try (Connection db = Database.connect();
             PreparedStatement delete = db.prepareStatement("DELETE FROM audit_record WHERE seq = ?")) {
            delete.setLong(1, ((Number) removed.get("seq")).longValue());
            assertEquals(1, delete.executeUpdate());
        }
        setChainHead(chain, last - 1, before.get("record_hash").toString());
        try {
            JsonNode verification = AuditLog.verification();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            assertTrue(verification.get("problems").toString().contains("chain " + chain + " ends at #" + (last - 1)),
                    verification.toString());
            assertTrue(verification.get("problems").toString().contains("its tail was truncated"), verification.toString());
        } finally {
            insert(removed);
            setChainHead(chain, ((Number) headRow.get("last_seq")).longValue(), headRow.get("last_mac").toString());
        }
        AuditLog.assertIntact();
    }

    /** E4: anchors are made on request (operator only), verify, and an edited anchor is found. */
    @Test
    void e4AnchorsVerifyAndAnEditedAnchorIsDetected() throws Exception {
        Sigillum.createUser();
        Instant asked = Instant.now().minusSeconds(5);
        JsonNode anchor = AuditLog.anchor();
        assertEquals(64, anchor.get("imprint").asText().length(), anchor.toString());
        assertTrue(anchor.get("chains").asInt() >= 2, "the legacy chain and at least one of this node: " + anchor);
        assertTrue(anchor.get("anchoredAt").asText().endsWith("Z"), anchor.toString());
        JsonNode verification = AuditLog.verification();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertTrue(verification.get("anchors").asLong() >= 1, verification.toString());
        assertFalse(Instant.parse(verification.get("lastAnchorAt").asText()).isBefore(asked), verification.toString());
        assertEquals(401, Sigillum.post("/api/v1/audit/anchors", "application/json", "{}", null).status(),
                "operators only");

        String id = anchor.get("anchorId").asText();
        String heads;
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT heads FROM audit_anchor WHERE anchor_id = ?")) {
            query.setString(1, id);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next());
                heads = result.getString(1);
            }
        }
        try {
            updateAnchorHeads(id, heads.replaceFirst(" (\\d+) ", " 1$1 "));
            JsonNode edited = AuditLog.verification();
            assertFalse(edited.get("intact").asBoolean(), edited.toString());
            assertTrue(edited.get("problems").toString().contains("was altered: its MAC does not match"), edited.toString());
        } finally {
            updateAnchorHeads(id, heads);
        }
        AuditLog.assertIntact();
    }

    @Test
    void e5ConcurrentWritersLeaveAGaplessIntactChain() throws Exception {
        long before = AuditLog.head();
        int threads = 8;
        int each = 4;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(executor.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Sigillum.createUser();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertEquals(before + threads * each, AuditLog.head(), "every append got exactly one sequence number");
        AuditLog.assertIntact();
    }

    @Test
    void e6HostileValuesAreStoredEscapedAndForgeNothing() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        String hostile = "x\r\n2026-01-01 00:00:00,000 INFO " + marker + "\"},{\"event\":\"USER_CREATED\"\u0007";
        long before = AuditLog.head();
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users",
                Sigillum.object().put("username", hostile)), 400, "invalid_request");

        List<JsonNode> records = AuditLog.recordsAfter(before);
        assertEquals(1, records.size(), "one refusal, nothing forged: " + records);
        assertEquals("USER_CREATION_REFUSED", records.get(0).get("event").asText());
        JsonNode detail = Sigillum.JSON.readTree(records.get(0).get("detail").asText());
        assertEquals(hostile, detail.get("username").asText(), "stored exactly, as escaped JSON");
        for (String line : Files.readAllLines(Path.of(Sigillum.env("SIGILLUM_IT_SERVER_LOG")), StandardCharsets.ISO_8859_1)) {
            assertFalse(line.startsWith("2026-01-01") || line.contains("INFO " + marker), "forged log line: " + line);
        }
        AuditLog.assertIntact();
    }

    private static long chainHead(String chain) throws Exception {
        return ((Number) chainRow(chain).get("last_seq")).longValue();
    }

    private static Map<String, Object> chainRow(String chain) throws Exception {
        return single("SELECT * FROM audit_chain WHERE chain_id = ?", chain);
    }

    private static long seqAt(String chain, long place) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT seq FROM audit_record WHERE chain_id = ? AND chain_seq = ?")) {
            query.setString(1, chain);
            query.setLong(2, place);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "chain " + chain + " #" + place);
                return result.getLong(1);
            }
        }
    }

    private static void setChainHead(String chain, long lastSeq, String lastMac) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement update = db.prepareStatement("UPDATE audit_chain SET last_seq = ?, last_mac = ? WHERE chain_id = ?")) {
            update.setLong(1, lastSeq);
            update.setString(2, lastMac);
            update.setString(3, chain);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static List<String> anchorIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT anchor_id FROM audit_anchor");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    private static void deleteAnchorsOtherThan(List<String> keep) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement delete = db.prepareStatement("DELETE FROM audit_anchor WHERE anchor_id = ?")) {
            for (String id : anchorIds()) {
                if (!keep.contains(id)) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static void updateAnchorHeads(String anchorId, String heads) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement update = db.prepareStatement("UPDATE audit_anchor SET heads = ? WHERE anchor_id = ?")) {
            update.setString(1, heads);
            update.setString(2, anchorId);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Writes a whole row back over the record with its number, as an attacker with SQL access would. */
    private static void replace(Map<String, Object> row) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement delete = db.prepareStatement("DELETE FROM audit_record WHERE seq = ?")) {
            delete.setObject(1, row.get("seq"));
            assertEquals(1, delete.executeUpdate());
        }
        insert(row);
    }

    private static void replaceQuietly(Map<String, Object> row) {
        try {
            replace(row);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> single(String sql, String key) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), sql + " " + key);
                ResultSetMetaData meta = result.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), result.getObject(i));
                }
                return row;
            }
        }
    }

    private static String column(long seq, String column) throws Exception {
        Object value = row(seq).get(column);
        assertNotNull(value, column + " of record " + seq);
        return value.toString();
    }

    private static void update(long seq, String column, String value) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement update = db.prepareStatement("UPDATE audit_record SET " + column + " = ? WHERE seq = ?")) {
            update.setString(1, value);
            update.setLong(2, seq);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static Map<String, Object> row(long seq) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT * FROM audit_record WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "record " + seq);
                ResultSetMetaData meta = result.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), result.getObject(i));
                }
                return row;
            }
        }
    }

    private static void insert(Map<String, Object> row) throws Exception {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        try (Connection db = Database.connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO audit_record (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                insert.setObject(i++, value);
            }
            assertEquals(1, insert.executeUpdate());
        }
    }
}
