package org.sigillum.web.documents;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.SignatureExtension;
import org.sigillum.api.service.SignatureValidation;
import org.sigillum.api.validation.ExtensionRequest;
import org.sigillum.api.validation.ExtensionResult;
import org.sigillum.api.validation.ValidationRequest;
import org.sigillum.api.validation.ValidationResult;
import org.sigillum.web.security.AnyToken;

@Path("/api/v1/signatures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AnyToken
public class SignaturesResource {

    @EJB
    private SignatureValidation validation;
    @EJB
    private SignatureExtension extension;

    @POST
    @Path("validate")
    @Operation(summary = "Validate the AdES signatures of a document: indication per signature, PDF modification "
            + "detection, and DSS's simple, detailed and ETSI TS 119 102-2 reports (JSON, or XML strings)")
    public ValidationResult validate(ValidationRequest request) throws ServiceException {
        return validation.validate(request);
    }

    @POST
    @Path("extend")
    @Operation(summary = "Signature update: raise a signature to AdES-B-T, B-LT or B-LTA, or add an archive time-stamp to "
            + "an LTA signature (repeatable)")
    public ExtensionResult extend(ExtensionRequest request) throws ServiceException {
        return extension.extend(request);
    }
}
