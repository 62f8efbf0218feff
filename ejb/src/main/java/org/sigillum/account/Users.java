package org.sigillum.account;

import jakarta.persistence.EntityManager;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

public final class Users {

    private Users() {
    }

    public static UserEntity require(EntityManager em, String id) throws ServiceException {
        UserEntity user = id == null ? null : em.find(UserEntity.class, id);
        if (user == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such user");
        }
        return user;
    }
}
