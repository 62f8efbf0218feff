package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.admin.DiagnosticSignRequest;
import org.sigillum.api.admin.DiagnosticSignResult;
import org.sigillum.api.admin.HsmBenchmarkRequest;
import org.sigillum.api.admin.HsmBenchmarkResult;
import org.sigillum.api.admin.HsmStatusView;
import org.sigillum.api.error.ServiceException;

/**
 * Operator diagnostics of the HSM path. They work only on throw-away diagnostic keys generated for the call,
 * never on a user's credential, so no path here reaches a user key without a SAD (checklist A10).
 */
@Local
public interface HsmDiagnostics {

    HsmStatusView status() throws ServiceException;

    DiagnosticSignResult sign(DiagnosticSignRequest request) throws ServiceException;

    HsmBenchmarkResult benchmark(HsmBenchmarkRequest request) throws ServiceException;
}
