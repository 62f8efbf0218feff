package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.device.ApprovalDecision;
import org.sigillum.api.device.DeviceEnrolment;
import org.sigillum.api.device.DeviceRegistration;
import org.sigillum.api.device.DeviceView;
import org.sigillum.api.device.PendingApproval;
import org.sigillum.api.error.ServiceException;

/**
 * Devices that approve signatures: enrolment and management for the operator (standing in for the user portal),
 * and the device's own calls, each authenticated by a short-lived JWT the device signs with its ES256 key.
 */
@Local
public interface Devices {

    DeviceEnrolment issueEnrolmentCode(String userId) throws ServiceException;

    List<DeviceView> devices(String userId) throws ServiceException;

    void delete(String userId, String deviceId) throws ServiceException;

    /** Registers the device; returns its ID. */
    String register(DeviceRegistration registration) throws ServiceException;

    List<PendingApproval> pendingApprovals(String deviceJwt) throws ServiceException;

    void decide(String deviceJwt, String approvalId, ApprovalDecision decision) throws ServiceException;
}
