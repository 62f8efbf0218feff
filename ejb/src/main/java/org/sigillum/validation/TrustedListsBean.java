package org.sigillum.validation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.sigillum.api.admin.TrustedListsView;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.TrustedLists;
import org.sigillum.audit.Events;

/** The operator's view of the EU trusted lists, and a refresh on request, audited with its result. */
@Stateless
public class TrustedListsBean implements TrustedLists {

    @EJB
    private TrustedListRefresher refresher;
    @EJB
    private AuditTrail audit;
    @Inject
    private RequestCaller caller;

    @Override
    public TrustedListsView status() {
        return refresher.status();
    }

    @Override
    public TrustedListsView refresh() throws ServiceException {
        TrustedListsView view = refresher.refreshNow();
        Map<String, String> details = new HashMap<>();
        details.put("result", view.lastRefreshResult());
        details.put("trustedCertificates", String.valueOf(view.trustedCertificates()));
        if (view.lastRefreshError() != null) {
            details.put("error", view.lastRefreshError());
        }
        audit.record(new AuditEvent(Events.TRUSTED_LISTS_REFRESHED, AuditEvent.Outcome.SUCCESS, caller.actor(), null,
                null, details));
        return view;
    }
}
