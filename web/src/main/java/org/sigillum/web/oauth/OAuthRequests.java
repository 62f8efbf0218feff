package org.sigillum.web.oauth;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import java.net.URI;
import java.util.Arrays;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Hands a form-encoded OAuth 2.0 request to the Nimbus SDK's parsers, which then read grant, client
 * authentication and parameters as the RFCs define them; their refusals become the API's error format.
 */
final class OAuthRequests {

    private OAuthRequests() {
    }

    static HTTPRequest form(URI endpoint, String authorization, String body) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, endpoint);
        request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
        if (authorization != null) {
            request.setAuthorization(authorization);
        }
        request.setBody(body == null ? "" : body);
        return request;
    }

    static ServiceException refusal(ParseException e) {
        String code = e.getErrorObject() == null ? null : e.getErrorObject().getCode();
        ErrorCode mapped = Arrays.stream(ErrorCode.values()).filter(c -> c.value().equals(code)).findFirst()
                .orElse(ErrorCode.INVALID_REQUEST);
        return new ServiceException(mapped, e.getMessage());
    }
}
