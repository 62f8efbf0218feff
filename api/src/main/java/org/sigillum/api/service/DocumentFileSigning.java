package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.documents.DocumentBatch;
import org.sigillum.api.documents.SignedDocument;
import org.sigillum.api.error.ServiceException;

/**
 * The Document Signature API: documents that arrive as files and leave as files, so that large ones are never held
 * in memory whole. Local only: the batch names files on this node's disk.
 */
@Local
public interface DocumentFileSigning {

    /** Signs every document of the batch under the options' SAD, or under the caller's credential-scope token. */
    List<SignedDocument> sign(TokenPrincipal caller, String credentialToken, DocumentBatch batch) throws ServiceException;
}
