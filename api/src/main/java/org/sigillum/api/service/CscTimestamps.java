package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.TimestampRequest;
import org.sigillum.api.csc.TimestampResponse;
import org.sigillum.api.error.ServiceException;

/** CSC v2 signatures/timestamp, from the configured time-stamp source. */
@Local
public interface CscTimestamps {

    TimestampResponse timestamp(TokenPrincipal caller, TimestampRequest request) throws ServiceException;
}
