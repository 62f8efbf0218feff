package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.admin.AddTrustAnchorRequest;
import org.sigillum.api.admin.TrustAnchorView;
import org.sigillum.api.error.ServiceException;

/** The operator's validation trust anchors, beside the built-in root, which is always trusted. */
@Local
public interface TrustAnchorRegistry {

    TrustAnchorView add(AddTrustAnchorRequest request) throws ServiceException;

    List<TrustAnchorView> anchors();

    void remove(String id) throws ServiceException;

    /** The DER certificates of every stored anchor. */
    List<byte[]> certificates();
}
