package org.sigillum.hsm.adapter;

import jakarta.resource.spi.ManagedConnectionMetaData;

class HsmConnectionMetaData implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "PKCS#11 token";
    }

    @Override
    public String getEISProductVersion() {
        return "2.40";
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return "user";
    }
}
