package org.sigillum.validation;

import eu.europa.esig.dss.model.tsl.InfoRecord;
import eu.europa.esig.dss.model.tsl.LOTLInfo;
import eu.europa.esig.dss.model.tsl.ParsingInfoRecord;
import eu.europa.esig.dss.model.tsl.TLInfo;
import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.model.tsl.ValidationInfoRecord;
import eu.europa.esig.dss.tsl.sync.SynchronizationStrategy;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.sigillum.api.admin.TrustedListsView.TrustedList;

/** DSS's summary of a trusted-list job, list by list, as the operator view shows it. */
final class TrustedListReport {

    private static final SynchronizationStrategy USED = TrustedListJob.USED_LISTS;

    private TrustedListReport() {
    }

    static List<TrustedList> lists(TLValidationJobSummary summary) {
        List<TrustedList> lists = new ArrayList<>();
        for (LOTLInfo lotl : summary.getLOTLInfos()) {
            boolean lotlUsed = usable(lotl) && USED.canBeSynchronized(lotl);
            lists.add(list("LOTL", lotl, lotlUsed));
            for (TLInfo tl : lotl.getTLInfos()) {
                lists.add(list("TL", tl, lotlUsed && usable(tl) && USED.canBeSynchronized(tl)));
            }
        }
        return lists;
    }

    /** Why the LOTL cannot be relied on, or null when it was fetched, parsed and its signature validates. */
    static String lotlProblem(TLValidationJobSummary summary) {
        for (LOTLInfo lotl : summary.getLOTLInfos()) {
            String error = error(lotl);
            if (error != null) {
                return error;
            }
            ValidationInfoRecord signature = lotl.getValidationCacheInfo();
            if (!signature.isResultExist() || !signature.isValid()) {
                return "the LOTL's signature does not validate against the configured keystore: "
                        + (signature.isResultExist() ? signature.getIndication() + " " + signature.getSubIndication()
                        : "not validated");
            }
        }
        return null;
    }

    private static TrustedList list(String kind, TLInfo info, boolean used) {
        ParsingInfoRecord parsing = info.getParsingCacheInfo();
        ValidationInfoRecord signature = info.getValidationCacheInfo();
        boolean parsed = parsing != null && parsing.isResultExist();
        boolean validated = signature != null && signature.isResultExist();
        return new TrustedList(kind, parsed ? parsing.getTerritory() : null, info.getUrl(),
                parsed ? parsing.getSequenceNumber() : null, parsed ? time(parsing.getIssueDate()) : null,
                parsed ? time(parsing.getNextUpdateDate()) : null,
                validated && signature.getIndication() != null ? signature.getIndication().name() : null,
                validated && signature.getSubIndication() != null ? signature.getSubIndication().name() : null,
                validated && signature.isValid(), parsed ? parsing.getTSNumber() : 0, used, error(info));
    }

    private static boolean usable(TLInfo info) {
        return info.getParsingCacheInfo() != null && info.getParsingCacheInfo().isResultExist();
    }

    private static String error(TLInfo info) {
        return Stream.of(info.getDownloadCacheInfo(), info.getParsingCacheInfo(), info.getValidationCacheInfo())
                .filter(record -> record != null && record.isError()).map(InfoRecord::getExceptionMessage)
                .findFirst().orElse(null);
    }

    private static String time(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
