package org.sigillum.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.bouncycastle.tsp.TimeStampRequest;

/**
 * The anchor a node makes as it stops, in plain Java: once shutdown has begun, WildFly refuses EJB calls
 * (WFLYEJB0421), so the anchor that {@link AuditChainsBean#anchor} makes while the node runs cannot be made through
 * it. This one uses what was prepared while the node ran (the anchor key, a TSA responder that signs in the HSM
 * without the TSA bean) and a JDBC connection of its own in a local transaction, and stores the same anchor: heads,
 * imprint and token, which {@code /api/v1/audit/verify} checks like any other (checklist E4).
 */
final class ShutdownAnchor {

    private static final String HEADS = "SELECT chain_id, last_seq, last_mac FROM audit_chain";
    private static final String INSERT =
            "INSERT INTO audit_anchor (anchor_id, anchored_at, node, heads, imprint, tst) VALUES (?, ?, ?, ?, ?, ?)";

    private final byte[] anchorKey;
    private final UnaryOperator<byte[]> tsa;
    private final String node;

    ShutdownAnchor(byte[] anchorKey, UnaryOperator<byte[]> tsa, String node) {
        this.anchorKey = anchorKey.clone();
        this.tsa = tsa;
        this.node = node;
    }

    /** Anchors every chain head now; returns the anchor's id and imprint for the log. */
    String anchor(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<AnchorImprint.Head> heads = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(HEADS); ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        heads.add(new AnchorImprint.Head(rows.getString(1), rows.getLong(2), rows.getString(3).trim()));
                    }
                }
                String text = AnchorImprint.encode(heads);
                String id = UUID.randomUUID().toString();
                Instant at = AuditChain.timestamp(Instant.now());
                String imprint = AnchorImprint.imprint(anchorKey, id, at.toString(), text);
                TimeStampRequest request = AnchorToken.request(HexFormat.of().parseHex(imprint));
                byte[] token;
                try {
                    token = AnchorToken.token(request, tsa.apply(request.getEncoded()));
                } catch (IOException e) {
                    throw new IllegalStateException("the time-stamp request could not be encoded", e);
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, id);
                    // stored times are UTC wall-clock values, as hibernate.jdbc.time_zone=UTC writes them
                    insert.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                    insert.setString(3, node);
                    insert.setString(4, text);
                    insert.setString(5, imprint);
                    insert.setBytes(6, token);
                    insert.executeUpdate();
                }
                connection.commit();
                return id + " at " + at + " over " + heads.size() + " chain heads, imprint " + imprint;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
