package org.sigillum.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an anchor holds, as plain Java: the head of every chain at one moment, written one per line as
 * {@code chainId lastSeq lastMac}, and its imprint, an HMAC-SHA256 of those lines under the anchor key that only the
 * HSM can derive. The time-stamp is taken over the imprint, so that neither the heads nor the token can be
 * swapped for others without the HSM.
 */
public final class AnchorImprint {

    /** One chain's head as an anchor saw it. */
    public record Head(String chainId, long lastSeq, String lastMac) {
    }

    private AnchorImprint() {
    }

    /** The heads as stored, sorted by chain so that the same heads always give the same text. */
    public static String encode(List<Head> heads) {
        StringBuilder text = new StringBuilder();
        heads.stream().sorted(Comparator.comparing(Head::chainId)).forEach(head -> {
            if (head.chainId().contains(" ") || head.chainId().contains("\n")) {
                throw new IllegalArgumentException("a chain id has no spaces or line breaks: " + head.chainId());
            }
            text.append(head.chainId()).append(' ').append(head.lastSeq()).append(' ').append(head.lastMac()).append('\n');
        });
        return text.toString();
    }

    /** The heads of stored text; a line that does not parse throws IllegalArgumentException. */
    public static List<Head> parse(String text) {
        List<Head> heads = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a chain head: " + line);
            }
            heads.add(new Head(parts[0], Long.parseLong(parts[1]), parts[2]));
        }
        return heads;
    }

    /** The imprint (hex) of an anchor made at {@code anchoredAt} (ISO-8601, UTC) over {@code headsText}. */
    public static String imprint(byte[] anchorKey, String anchorId, String anchoredAt, String headsText) {
        String message = "sigillum/audit-anchor/v1\n" + anchorId + "\n" + anchoredAt + "\n" + headsText;
        return KeyedChain.hmacHex(anchorKey, message.getBytes(StandardCharsets.UTF_8));
    }
}
