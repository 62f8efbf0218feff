package org.sigillum.web.csc;

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
import org.sigillum.api.csc.InfoResponse;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.ServiceInfo;

@Path("/csc/v2/info")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    @EJB
    private ServiceInfo serviceInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "CSC v2 info: the service, its methods and signature algorithms")
    public InfoResponse info(InfoRequest request) throws ServiceException {
        return serviceInfo.info(request == null ? null : request.lang());
    }

    @GET
    @Operation(summary = "CSC v2 info, for clients that read it with GET")
    public InfoResponse infoByGet(@QueryParam("lang") String lang) throws ServiceException {
        return serviceInfo.info(lang);
    }
}
