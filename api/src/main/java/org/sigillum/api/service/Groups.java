package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.tenancy.GroupRequest;
import org.sigillum.api.tenancy.GroupView;

/** Groups of service providers and their policies; every change is audited. */
@Local
public interface Groups {

    /** Creates a group; its ID is answered. */
    String create(GroupRequest request) throws ServiceException;

    List<GroupView> groups();

    GroupView group(String id) throws ServiceException;

    /** Replaces a group's name and policy. */
    GroupView update(String id, GroupRequest request) throws ServiceException;

    /** Removes a group that no client application and no account belongs to any more. */
    void delete(String id) throws ServiceException;

    /** Moves a client application to another group: its tokens are revoked, its users stay where they are. */
    void moveClient(String clientId, String groupId) throws ServiceException;
}
