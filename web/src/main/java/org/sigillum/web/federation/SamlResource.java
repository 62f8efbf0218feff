package org.sigillum.web.federation;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.SamlSignIn;
import org.sigillum.web.oauth.Pages;

/**
 * Sigillum's SAML 2.0 service-provider endpoints: metadata, the assertion consumer service (HTTP-POST) and single
 * logout (HTTP-Redirect). The assertion consumer service is reached by a cross-site POST from the provider, so it
 * cannot rely on the authorization cookie; the attempt named by RelayState and the request ID it carries bind the
 * answer instead. Refusals are pages (403) that name the rule, never values from the message.
 */
@Path("/saml")
public class SamlResource {

    @EJB
    private SamlSignIn saml;

    @GET
    @Path("metadata")
    @Produces("application/samlmetadata+xml")
    @Operation(summary = "SAML 2.0 service-provider metadata (entity ID, ACS, SLO, signing and encryption certificates)")
    public Response metadata(@QueryParam("alias") String alias) {
        try {
            return Response.ok(saml.metadata(alias)).build();
        } catch (ServiceException e) {
            return Pages.error(e.code().httpStatus(), e.getMessage());
        }
    }

    @POST
    @Path("acs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response assertionConsumer(@FormParam("SAMLResponse") String samlResponse, @FormParam("RelayState") String relayState,
                                      @Context HttpHeaders headers) {
        try {
            return FederationResource.respond(saml.assertionConsumer(samlResponse, relayState), headers);
        } catch (ServiceException e) {
            return Pages.error(e.code().httpStatus(), e.getMessage());
        }
    }

    @GET
    @Path("slo")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response singleLogout(@Context UriInfo uri) {
        try {
            return Response.seeOther(saml.singleLogout(uri.getRequestUri().getRawQuery())).header("Cache-Control", "no-store")
                    .build();
        } catch (ServiceException e) {
            return Pages.error(e.code().httpStatus(), e.getMessage());
        }
    }
}
