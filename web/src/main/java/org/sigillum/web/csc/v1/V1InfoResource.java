package org.sigillum.web.csc.v1;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.csc.InfoRequest;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.ServiceInfo;

/** CSC v1.0.4.0 {@code info}: the v2 answer in v1's shape, with v1's method names. */
@Path("/csc/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class V1InfoResource {

    @EJB
    private ServiceInfo serviceInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "CSC v1 info")
    public V1Messages.InfoResponse info(InfoRequest request) throws ServiceException {
        return V1Translation.info(serviceInfo.info(request == null ? null : request.lang()), serviceInfo.oauth2BaseUri());
    }

    @GET
    @Operation(summary = "CSC v1 info, for clients that read it with GET")
    public V1Messages.InfoResponse infoByGet(@QueryParam("lang") String lang) throws ServiceException {
        return V1Translation.info(serviceInfo.info(lang), serviceInfo.oauth2BaseUri());
    }
}
