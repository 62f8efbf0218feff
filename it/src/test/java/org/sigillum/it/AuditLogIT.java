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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Checklist E: admin and key events are recorded without secrets (E1); editing a row (E2) or deleting one (E3)
 * in SQL is found by the verification; concurrent writers leave an intact chain (E5); hostile values are
 * stored escaped and cannot forge records or log lines (E6). Tampering is undone before each test ends.
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
            assertTrue(verification.get("problems").toString().contains("record " + seq + " was altered"),
                    verification.toString());
        } finally {
            update(seq, "detail", original);
        }
        AuditLog.assertIntact();
    }

    @Test
    void e3DeletingARowInTheMiddleIsDetected() throws Exception {
        Sigillum.createUser();
        Sigillum.createUser();
        long seq = AuditLog.head() - 1;
        Map<String, Object> row = row(seq);
        try (Connection db = Database.connect();
             PreparedStatement delete = db.prepareStatement("DELETE FROM audit_record WHERE seq = ?")) {
            delete.setLong(1, seq);
            assertEquals(1, delete.executeUpdate());
        }
        try {
            JsonNode verification = AuditLog.verification();
            assertFalse(verification.get("intact").asBoolean(), verification.toString());
            assertTrue(verification.get("problems").toString().contains("records " + seq + " to " + seq + " are missing"),
                    verification.toString());
        } finally {
            insert(row);
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
