package org.sigillum.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedChainTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00.123Z");
    private static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
    private static final String CHAIN = "node-a/0";

    private record Stored(KeyedChain.Record record, String mac) {
    }

    private static List<Stored> chain(int n) {
        List<Stored> out = new ArrayList<>();
        String prev = KeyedChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            KeyedChain.Record r = new KeyedChain.Record(CHAIN, i, 100 + 2L * i, T0.plusSeconds(i), "SIGNED", "SUCCESS",
                    "user:u", "u", "cred-" + i, "{}", "client", 1, prev);
            prev = KeyedChain.mac(KEY, r);
            out.add(new Stored(r, prev));
        }
        return out;
    }

    private static KeyedChain.Walk walked(List<Stored> records) {
        return new KeyedChain.Walk(CHAIN, KEY);
    }

    private static List<String> finish(KeyedChain.Walk walk, List<Stored> records, long headSeq, String headMac) {
        records.forEach(s -> walk.next(s.record(), s.mac()));
        return walk.finish(headSeq, headMac);
    }

    private static String last(List<Stored> records) {
        return records.get(records.size() - 1).mac();
    }

    private static KeyedChain.Record withActor(KeyedChain.Record r, String actor, String prev) {
        return new KeyedChain.Record(r.chainId(), r.chainSeq(), r.seq(), r.recordedAt(), r.event(), r.outcome(), actor,
                r.userId(), r.credentialId(), r.detail(), r.clientId(), r.quantity(), prev);
    }

    @Test
    void intactChainHasNoProblemsAndCountsItsRecords() {
        List<Stored> records = chain(5);
        KeyedChain.Walk walk = walked(records);
        assertEquals(List.of(), finish(walk, records, 5, last(records)));
        assertEquals(5, walk.seen());
        assertEquals(110, walk.maxRecordSeq());
    }

    @Test
    void e2RewrittenTailReHashedWithoutTheKeyIsAlteredRecordByRecord() throws Exception {
        List<Stored> records = chain(5);
        String prev = records.get(1).mac();
        for (int i = 2; i < 5; i++) {
            KeyedChain.Record forged = withActor(records.get(i).record(), i == 2 ? "someone-else" : "user:u", prev);
            prev = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(forged.toString().getBytes(StandardCharsets.UTF_8)));
            records.set(i, new Stored(forged, prev));
        }
        List<String> problems = finish(walked(records), records, 5, prev);
        assertEquals(List.of("record 106 (chain node-a/0 #3) was altered", "record 108 (chain node-a/0 #4) was altered",
                "record 110 (chain node-a/0 #5) was altered"), problems);
    }

    @Test
    void e2aMacUnderAnotherKeyIsAltered() {
        List<Stored> records = chain(2);
        KeyedChain.Record r = withActor(records.get(1).record(), "x", records.get(0).mac());
        String foreign = KeyedChain.mac("other-key-other-key-other-key-32".getBytes(StandardCharsets.US_ASCII), r);
        records.set(1, new Stored(r, foreign));
        assertEquals(List.of("record 104 (chain node-a/0 #2) was altered"), finish(walked(records), records, 2, foreign));
    }

    @Test
    void e2aRecordMovedToAnotherChainIsAltered() {
        List<Stored> records = chain(2);
        KeyedChain.Walk walk = new KeyedChain.Walk("node-b/0", KEY);
        List<String> problems = finish(walk, records, 2, last(records));
        assertTrue(problems.contains("record 102 (chain node-b/0 #1) was altered"), problems.toString());
    }

    @Test
    void e3GapInTheChainIsFound() {
        List<Stored> records = chain(5);
        records.remove(2);
        List<String> problems = finish(walked(records), records, 5, last(records));
        assertTrue(problems.contains("chain node-a/0: records #3 to #3 are missing"), problems.toString());
        assertTrue(problems.contains("record 108 (chain node-a/0 #4) does not follow the record before it"),
                problems.toString());
    }

    @Test
    void tailRemovedWithoutMovingTheHeadIsFound() {
        List<Stored> records = chain(5);
        String head = last(records);
        records.remove(4);
        assertEquals(List.of("chain node-a/0 ends at #4 but its head says #5"), finish(walked(records), records, 5, head));
    }

    @Test
    void e4TailRemovedAfterAnAnchorIsFoundEvenWithTheHeadMovedBack() {
        List<Stored> records = chain(5);
        KeyedChain.Walk walk = walked(records);
        walk.anchoredAt(5, last(records), "the anchor of T");
        records.remove(4);
        assertEquals(List.of("chain node-a/0 ends at #4 but the anchor of T saw it at #5: its tail was truncated"),
                finish(walk, records, 4, last(records)));
    }

    @Test
    void e4RecordReplacedAtAnAnchoredPlaceIsFound() {
        List<Stored> records = chain(3);
        KeyedChain.Walk walk = walked(records);
        walk.anchoredAt(3, "f".repeat(64), "the anchor of T");
        walk.anchoredAt(0, KeyedChain.GENESIS, "the anchor of T0");
        assertEquals(List.of("record 106 (chain node-a/0 #3) is not the record that the anchor of T saw there"),
                finish(walk, records, 3, last(records)));
    }

    @Test
    void macCoversEveryFieldAndTheChainPlace() {
        KeyedChain.Record r = chain(1).get(0).record();
        KeyedChain.Record otherPlace = new KeyedChain.Record(r.chainId(), 2, r.seq(), r.recordedAt(), r.event(),
                r.outcome(), r.actor(), r.userId(), r.credentialId(), r.detail(), r.clientId(), r.quantity(), r.prevMac());
        KeyedChain.Record otherSeq = new KeyedChain.Record(r.chainId(), 1, r.seq() + 1, r.recordedAt(), r.event(),
                r.outcome(), r.actor(), r.userId(), r.credentialId(), r.detail(), r.clientId(), r.quantity(), r.prevMac());
        KeyedChain.Record noQuantity = new KeyedChain.Record(r.chainId(), 1, r.seq(), r.recordedAt(), r.event(),
                r.outcome(), r.actor(), r.userId(), r.credentialId(), r.detail(), r.clientId(), null, r.prevMac());
        String mac = KeyedChain.mac(KEY, r);
        assertEquals(64, mac.length());
        assertNotEquals(mac, KeyedChain.mac(KEY, otherPlace));
        assertNotEquals(mac, KeyedChain.mac(KEY, otherSeq));
        assertNotEquals(mac, KeyedChain.mac(KEY, noQuantity));
    }

    @Test
    void sealCoversTheHeadAndTheMoment() {
        String seal = KeyedChain.sealMac(KEY, 7, "a".repeat(64), T0);
        assertEquals(seal, KeyedChain.sealMac(KEY, 7, "a".repeat(64), T0));
        assertNotEquals(seal, KeyedChain.sealMac(KEY, 6, "a".repeat(64), T0));
        assertNotEquals(seal, KeyedChain.sealMac(KEY, 7, "b".repeat(64), T0));
        assertNotEquals(seal, KeyedChain.sealMac(KEY, 7, "a".repeat(64), T0.plusMillis(1)));
    }

    @Test
    void anchorHeadsRoundTripSortedAndTheImprintCoversThem() {
        List<AnchorImprint.Head> heads = List.of(new AnchorImprint.Head("n2/0", 3, "c".repeat(64)),
                new AnchorImprint.Head("legacy", 9, "d".repeat(64)));
        String text = AnchorImprint.encode(heads);
        assertTrue(text.startsWith("legacy 9 "), text);
        assertEquals(List.of(heads.get(1), heads.get(0)), AnchorImprint.parse(text));
        String imprint = AnchorImprint.imprint(KEY, "id", T0.toString(), text);
        assertNotEquals(imprint, AnchorImprint.imprint(KEY, "id", T0.toString(), text.replace(" 3 ", " 4 ")));
        assertNotEquals(imprint, AnchorImprint.imprint(KEY, "id2", T0.toString(), text));
        assertNotEquals(imprint, AnchorImprint.imprint(KEY, "id", T0.plusSeconds(1).toString(), text));
        assertThrows(IllegalArgumentException.class, () -> AnchorImprint.parse("legacy 9"));
        assertThrows(IllegalArgumentException.class,
                () -> AnchorImprint.encode(List.of(new AnchorImprint.Head("a b", 1, "e"))));
    }
}
