package org.sigillum.hsm.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.Timer;
import java.util.TimerTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.adapter.token.TokenContext;

/**
 * The HSM resource adapter. Outbound only, without transactions: a signature is not a resource that can be
 * rolled back. Its one background duty is destroying cached unwrapped keys once they expire.
 */
@Connector(displayName = "Sigillum HSM", vendorName = "Sigillum", eisType = "PKCS#11 token", version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class HsmResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HsmResourceAdapter.class.getName());
    private static final long SWEEP_PERIOD_MILLIS = 1000;

    private transient Timer timer;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            timer = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("no timer for key-cache housekeeping", e);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Sweeps the token's key cache every second, so an expired key is destroyed even on an idle server. */
    void scheduleKeyCacheSweeps(TokenContext token) {
        if (timer == null || token.config().keyCacheCapacity() == 0) {
            return;
        }
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    token.sweepKeyCache();
                } catch (HsmException | RuntimeException e) {
                    LOG.log(Level.FINE, "key cache sweep skipped: {0}", e.getMessage());
                }
            }
        }, SWEEP_PERIOD_MILLIS, SWEEP_PERIOD_MILLIS);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("the HSM adapter has no inbound side");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // no inbound endpoints exist
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HsmResourceAdapter;
    }

    @Override
    public int hashCode() {
        return HsmResourceAdapter.class.hashCode();
    }
}
