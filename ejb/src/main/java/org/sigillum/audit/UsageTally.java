package org.sigillum.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sigillum.api.audit.UsageRow;

/**
 * Adds up audit records into usage rows, one per period and client or group. A signature counts under its format
 * and level ({@code PAdES-B-T}); signHash signatures, which have no format, under {@code hash}; a signDoc call that
 * mixed formats under {@code mixed}.
 */
final class UsageTally {

    static final String HASH = "hash";
    static final String MIXED = "mixed";

    private final boolean byGroup;
    private final boolean monthly;
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, Map<String, Long>> formats = new TreeMap<>();

    UsageTally(boolean byGroup, boolean monthly) {
        this.byGroup = byGroup;
        this.monthly = monthly;
    }

    /** One successful record: its UTC date (YYYY-MM-DD), client (null for auth/login), group, event, quantity, details. */
    void add(String date, String clientId, String group, String event, Integer quantity, String detail) {
        String period = monthly ? date.substring(0, 7) : date;
        String client = clientId == null ? UsageReportsBean.AUTH_LOGIN : clientId;
        String key = period + "\n" + (group == null ? "" : group) + "\n" + (byGroup ? "" : client);
        long[] row = counts.computeIfAbsent(key, k -> new long[4]);
        int n = quantity == null ? 1 : quantity;
        switch (event) {
            case Events.AUTHORIZED -> row[0]++;
            case Events.SIGNED -> {
                row[1] += n;
                formats.computeIfAbsent(key, k -> new TreeMap<>()).merge(formatOf(detail), (long) n, Long::sum);
            }
            case Events.CREDENTIAL_CREATED -> row[2]++;
            case Events.OTP_SENT -> row[3]++;
            default -> throw new IllegalArgumentException("not a usage event: " + event);
        }
    }

    List<UsageRow> rows() {
        List<UsageRow> rows = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\n", -1);
            rows.add(new UsageRow(parts[0], parts[1].isEmpty() ? null : parts[1], byGroup ? null : parts[2], c[0], c[1],
                    formats.getOrDefault(key, Map.of()), c[2], c[3]));
        });
        return rows;
    }

    /** The format and level a SIGNED record names: its "level" detail, or the levels of its "formats" detail. */
    static String formatOf(String detail) {
        if (detail == null || detail.isEmpty()) {
            return HASH;
        }
        JsonObject details;
        try (var reader = Json.createReader(new StringReader(detail))) {
            details = reader.readObject();
        }
        if (details.containsKey("level")) {
            return readable(details.getString("level"));
        }
        if (!details.containsKey("formats")) {
            return HASH;
        }
        TreeSet<String> levels = new TreeSet<>();
        Arrays.stream(details.getString("formats").split(" ")).filter(f -> f.contains("_BASELINE_"))
                .forEach(f -> levels.add(f.split("/", 2)[0]));
        if (levels.isEmpty()) {
            return HASH;
        }
        return levels.size() == 1 ? readable(levels.first()) : MIXED;
    }

    /** DSS's PAdES_BASELINE_LT as PAdES-B-LT. */
    static String readable(String level) {
        return level.replace("_BASELINE_", "-B-");
    }
}
