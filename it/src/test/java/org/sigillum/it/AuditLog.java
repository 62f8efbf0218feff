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

    /** The chain verifies and holds every record up to its head: nothing missing, altered or half-written. */
    static void assertIntact() {
        JsonNode verification = verification();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertEquals(verification.get("headSeq").asLong(), verification.get("records").asLong());
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
