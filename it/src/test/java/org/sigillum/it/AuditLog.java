package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The audit log as the operator reads it over the admin API: its verification and its records after a point. */
final class AuditLog {

    private static final int PAGE = 1000;

    private AuditLog() {
    }

    static JsonNode verification() {
        Sigillum.Reply reply = Sigillum.operatorGet("/api/v1/audit/verify");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /**
     * Every chain verifies and holds every record up to its head, and every anchor holds: nothing missing, altered,
     * half-written or truncated. (Record numbers may skip one where a transaction rolled back; chain places may not.)
     */
    static void assertIntact() {
        JsonNode verification = verification();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertTrue(verification.get("records").asLong() > 0, verification.toString());
    }

    /** Anchors every chain head now, as an operator can. */
    static JsonNode anchor() {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/audit/anchors", Sigillum.object());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static long head() {
        return verification().get("headSeq").asLong();
    }

    /** Every record with a sequence number above {@code seq}, in order, read page by page. */
    static List<JsonNode> recordsAfter(long seq) {
        List<JsonNode> out = new ArrayList<>();
        long from = seq + 1;
        int page;
        do {
            Sigillum.Reply reply = Sigillum.operatorGet("/api/v1/audit?from=" + from + "&limit=" + PAGE);
            assertEquals(200, reply.status(), reply.body());
            page = reply.json().size();
            for (JsonNode record : reply.json()) {
                out.add(record);
                from = record.get("seq").asLong() + 1;
            }
        } while (page == PAGE);
        return out;
    }
}
