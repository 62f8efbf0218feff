package org.sigillum.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigillum.api.audit.UsageDay;
import org.sigillum.api.audit.UsageRow;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.UsageReports;

/**
 * Counts usage from the audit log itself, grouped in the database: what is billed is exactly what was audited,
 * and written in the same transaction as the signature or key it counts.
 */
@Stateless
public class UsageReportsBean implements UsageReports {

    static final String AUTH_LOGIN = "auth/login";
    private static final int MAX_DAYS = 366;
    /** CAST(… AS DATE) reads the same in H2 and PostgreSQL; timestamps are stored in UTC. */
    private static final String QUERY = "SELECT CAST(recorded_at AS DATE), client_id, event, COUNT(*), "
            + "SUM(COALESCE(quantity, 1)) FROM audit_record WHERE recorded_at >= ?1 AND recorded_at < ?2 "
            + "AND outcome = 'SUCCESS' AND event IN ('" + Events.AUTHORIZED + "', '" + Events.SIGNED + "', '"
            + Events.CREDENTIAL_CREATED + "') %s GROUP BY CAST(recorded_at AS DATE), client_id, event ORDER BY 1, 2";

    /**
     * Every successful usage record of a period with the group it counts for: its client's (now), or for
     * auth/login, which names no client, its user's.
     */
    private static final String RECORDS = "SELECT CAST(a.recorded_at AS DATE), a.client_id, COALESCE(c.group_id, "
            + "u.group_id), a.event, a.quantity, a.detail FROM audit_record a "
            + "LEFT JOIN oauth_client c ON c.client_id = a.client_id "
            + "LEFT JOIN sig_user u ON a.client_id IS NULL AND u.id = a.user_id "
            + "WHERE a.recorded_at >= ?1 AND a.recorded_at < ?2 AND a.outcome = 'SUCCESS' AND a.event IN ('"
            + Events.AUTHORIZED + "', '" + Events.SIGNED + "', '" + Events.CREDENTIAL_CREATED + "', '" + Events.OTP_SENT
            + "') ORDER BY a.seq";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UsageDay> usage(LocalDate from, LocalDate to, String clientId) throws ServiceException {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "from and to must span 1 to " + MAX_DAYS + " days");
        }
        boolean oneClient = clientId != null;
        Query query = em.createNativeQuery(String.format(QUERY, oneClient
                ? (AUTH_LOGIN.equals(clientId) ? "AND client_id IS NULL" : "AND client_id = ?3") : ""))
                .setParameter(1, from.atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter(2, to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (oneClient && !AUTH_LOGIN.equals(clientId)) {
            query.setParameter(3, clientId);
        }
        Map<String, long[]> days = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            String client = columns[1] == null ? AUTH_LOGIN : columns[1].toString();
            long[] counts = days.computeIfAbsent(columns[0] + "\n" + client, k -> new long[3]);
            long count = ((Number) columns[3]).longValue();
            long quantity = ((Number) columns[4]).longValue();
            switch (columns[2].toString()) {
                case Events.AUTHORIZED -> counts[0] += count;
                case Events.SIGNED -> counts[1] += quantity;
                default -> counts[2] += count;
            }
        }
        List<UsageDay> usage = new ArrayList<>();
        days.forEach((key, counts) -> {
            String[] parts = key.split("\n", 2);
            usage.add(new UsageDay(parts[0], parts[1], counts[0], counts[1], counts[2]));
        });
        return usage;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UsageRow> usage(LocalDate from, LocalDate to, String groupBy, String period) throws ServiceException {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "from and to must span 1 to " + MAX_DAYS + " days");
        }
        if (!"client".equals(groupBy) && !"group".equals(groupBy)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "groupBy must be client or group");
        }
        if (!"day".equals(period) && !"month".equals(period)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "period must be day or month");
        }
        UsageTally tally = new UsageTally("group".equals(groupBy), "month".equals(period));
        for (Object row : em.createNativeQuery(RECORDS)
                .setParameter(1, from.atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter(2, to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).getResultList()) {
            Object[] c = (Object[]) row;
            tally.add(c[0].toString(), c[1] == null ? null : c[1].toString(), c[2] == null ? null : c[2].toString(),
                    c[3].toString(), c[4] == null ? null : ((Number) c[4]).intValue(), c[5] == null ? null : c[5].toString());
        }
        return tally.rows();
    }
}
