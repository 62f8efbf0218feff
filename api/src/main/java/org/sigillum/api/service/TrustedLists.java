package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.admin.TrustedListsView;
import org.sigillum.api.error.ServiceException;

/** The EU trusted lists that validation trusts when the operator enables them. */
@Local
public interface TrustedLists {

    TrustedListsView status();

    /** Refreshes now with the settings as they are now, and returns the new state; bounded in time. */
    TrustedListsView refresh() throws ServiceException;
}
