package org.sigillum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The signatures the audit trail says were made, per user: the quantities of its successful SIGNED records
 * (signHash counts hashes, signDoc documents), read through the operator's audit API page by page.
 */
final class AuditedSignatures {

    private static final int PAGE = 1000;

    private AuditedSignatures() {
    }

    static Map<String, Long> of(BenchServer server, Collection<String> userIds) throws IOException, InterruptedException {
        Map<String, Long> signatures = new HashMap<>();
        long from = 1;
        while (true) {
            JsonNode page = server.operatorGet("/api/v1/audit?from=" + from + "&limit=" + PAGE);
            for (JsonNode record : page) {
                from = record.path("seq").asLong() + 1;
                String userId = record.path("userId").asText(null);
                if ("SIGNED".equals(record.path("event").asText()) && "SUCCESS".equals(record.path("outcome").asText())
                        && userIds.contains(userId)) {
                    signatures.merge(userId, record.path("quantity").asLong(), Long::sum);
                }
            }
            if (page.size() < PAGE) {
                return signatures;
            }
        }
    }

    /** Whether the audit hash chain verifies from end to end. */
    static boolean chainIntact(BenchServer server) throws IOException, InterruptedException {
        return server.operatorGet("/api/v1/audit/verify").path("intact").asBoolean(false);
    }
}
