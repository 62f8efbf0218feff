package org.sigillum.federation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/** Finds an enabled provider by alias for the protocols, with its secret opened. */
@Stateless
public class ProviderDirectory {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private ProviderSecrets secrets;

    public ConfiguredProvider findEnabled(String alias) throws ServiceException {
        IdentityProviderEntity entity = alias == null ? null : em.find(IdentityProviderEntity.class, alias);
        if (entity == null || !entity.enabled()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "no enabled identity provider is called " + alias);
        }
        String secret = entity.sealedSecret() == null ? null : secrets.open(alias, entity.sealedSecret());
        return new ConfiguredProvider(entity.alias(), entity.kind(), entity.displayName(), entity.settings(), secret,
                entity.levelMapping());
    }

    public LevelPolicy policy() {
        return em.find(LevelPolicyEntity.class, LevelPolicyEntity.GLOBAL).policy();
    }
}
