package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.time.LocalDate;
import java.util.List;
import org.sigillum.api.audit.UsageDay;
import org.sigillum.api.audit.UsageRow;
import org.sigillum.api.error.ServiceException;

/** Per-client usage by day, for accounting and billing. */
@Local
public interface UsageReports {

    /** Days from {@code from} to {@code to} inclusive (UTC), for one client or, when null, for all. */
    List<UsageDay> usage(LocalDate from, LocalDate to, String clientId) throws ServiceException;

    /**
     * Days or months ({@code period} {@code day} or {@code month}) from {@code from} to {@code to} inclusive (UTC),
     * per client application or per group ({@code groupBy} {@code client} or {@code group}). A client counts for
     * the group it belongs to now.
     */
    List<UsageRow> usage(LocalDate from, LocalDate to, String groupBy, String period) throws ServiceException;
}
