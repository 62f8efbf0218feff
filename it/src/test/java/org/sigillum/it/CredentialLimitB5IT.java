package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Checklist B5: a credential with a maximum number of signatures makes no more, however many authorizations were
 * granted and however many signers race for the last ones; the count is the database's.
 */
class CredentialLimitB5IT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final int LIMIT = 3;
    private static final int RACERS = 10;

    @Test
    void b5ConcurrentSignersTogetherMakeNoMoreThanTheCredentialsLimit() throws Exception {
        CscClient signer = CscClient.newSigner();
        String credentialId = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\",\"maxSignatures\":" + LIMIT + "}")
                .get("credentialID").asText();
        List<byte[]> hashes = new ArrayList<>();
        List<String> sads = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            byte[] hash = Signatures.sha256(Signatures.randomData());
            hashes.add(hash);
            sads.add(signer.sad(credentialId, List.of(hash), CscClient.SHA256));
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<Sigillum.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                Callable<Sigillum.Reply> sign = () -> signer.signHash(credentialId, sads.get(n), List.of(hashes.get(n)),
                        CscClient.SHA256, ECDSA_SHA256);
                replies.add(pool.submit(sign));
            }
            int signed = 0;
            for (Future<Sigillum.Reply> reply : replies) {
                Sigillum.Reply answer = reply.get();
                if (answer.status() == 200) {
                    signed++;
                } else {
                    ApiErrors.assertError(answer, 400, "invalid_request", "all the signatures it is allowed");
                }
            }
            assertEquals(LIMIT, signed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LIMIT, used(credentialId));
        byte[] late = Signatures.sha256(Signatures.randomData());
        ApiErrors.assertError(signer.signHash(credentialId, signer.sad(credentialId, List.of(late), CscClient.SHA256),
                List.of(late), CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request", "B5");
    }

    @Test
    void b5ASignatureThatWouldPassTheLimitIsRefusedWholeAndAnUnlimitedCredentialCountsNothing() throws Exception {
        CscClient signer = CscClient.newSigner();
        String limited = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\",\"maxSignatures\":2}")
                .get("credentialID").asText();
        List<byte[]> three = List.of(Signatures.sha256(Signatures.randomData()), Signatures.sha256(Signatures.randomData()),
                Signatures.sha256(Signatures.randomData()));
        ApiErrors.assertError(signer.signHash(limited, signer.sad(limited, three, CscClient.SHA256), three,
                CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request", "B5");
        assertEquals(0, used(limited));
        List<byte[]> two = three.subList(0, 2);
        assertEquals(200, signer.signHash(limited, signer.sad(limited, two, CscClient.SHA256), two, CscClient.SHA256,
                ECDSA_SHA256).status());
        assertEquals(2, used(limited));

        String unlimited = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        assertEquals(200, signer.signHash(unlimited, signer.sad(unlimited, two, CscClient.SHA256), two, CscClient.SHA256,
                ECDSA_SHA256).status());
        assertEquals(0, used(unlimited));
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + signer.userId + "/credentials",
                "{\"keyAlgo\":\"EC\",\"maxSignatures\":0}"), 400, "invalid_request");
    }

    private static int used(String credentialId) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement select = db.prepareStatement("SELECT signatures_used FROM credential WHERE id = ?")) {
            select.setString(1, credentialId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
