package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.EnabledProvider;
import org.sigillum.api.federation.IdentityProviderRequest;
import org.sigillum.api.federation.IdentityProviderView;
import org.sigillum.api.federation.LevelPolicyView;

/** The operator's registry of identity providers and the global level policy; every change is audited. */
@Local
public interface IdentityProviders {

    IdentityProviderView create(IdentityProviderRequest request) throws ServiceException;

    IdentityProviderView update(String alias, IdentityProviderRequest request) throws ServiceException;

    void delete(String alias) throws ServiceException;

    IdentityProviderView provider(String alias) throws ServiceException;

    List<IdentityProviderView> providers();

    /** The enabled providers, for the sign-in page. */
    List<EnabledProvider> enabled();

    LevelPolicyView policy();

    LevelPolicyView updatePolicy(LevelPolicyView policy) throws ServiceException;
}
