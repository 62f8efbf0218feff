package org.sigillum.hsm;

/**
 * Hands out pooled HSM sessions. Obtain it by JNDI lookup ({@code java:/eis/sigillum/hsm}) and take each
 * connection in a try-with-resources block, so the session goes back to the pool in the method that took it.
 */
public interface HsmConnectionFactory {

    String JNDI_NAME = "java:/eis/sigillum/hsm";

    HsmConnection getConnection() throws HsmException;
}
