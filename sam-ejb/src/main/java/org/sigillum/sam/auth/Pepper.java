package org.sigillum.sam.auth;

import org.sigillum.api.error.ServiceException;

/** A keyed digest applied to a secret before it is hashed, with a key the database never sees. */
@FunctionalInterface
public interface Pepper {

    byte[] apply(byte[] secret) throws ServiceException;
}
