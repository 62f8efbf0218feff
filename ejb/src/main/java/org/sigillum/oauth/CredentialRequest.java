package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.minidev.json.JSONObject;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.csc.SadGrants;

/**
 * The credential authorization an application asks the user for in the OAuth 2.0 flow: CSC's parameters
 * ({@code credentialID}, {@code numSignatures}, comma-separated base64url {@code hashes}, {@code hashAlgorithmOID},
 * {@code description}) or one RFC 9396 detail of type {@code credential} with {@code documentDigests}.
 * Hashes are kept in canonical base64, labels in the same order.
 */
public record CredentialRequest(String credentialId, Integer numSignatures, String hashAlgorithmOid, List<String> hashes,
                                List<String> labels, String description, String authorizationDetails,
                                List<DocumentPreview> previews) implements Serializable {

    static final AuthorizationType CREDENTIAL = new AuthorizationType("credential");
    private static final int MAX_TEXT = 500;

    /** Base64 content of a document sent along in its documentDigests entry, for the consent page only. */
    static final String CONTENT = "content";
    private static final int MAX_CONTENT_BYTES = 5 * 1024 * 1024;

    public CredentialRequest {
        hashes = List.copyOf(hashes);
        labels = List.copyOf(labels);
        previews = previews == null ? List.of() : List.copyOf(previews);
    }

    CredentialRequest withPreviews(List<DocumentPreview> documentPreviews) {
        return new CredentialRequest(credentialId, numSignatures, hashAlgorithmOid, hashes, labels, description,
                authorizationDetails, documentPreviews);
    }

    /**
     * The documents a credential detail carries beside their digests ({@code content}, base64), in the order of
     * the digests, null where absent; each must hash to its digest, or the request is refused.
     */
    static List<byte[]> contents(AuthorizationRequest request) throws ServiceException {
        List<byte[]> contents = new ArrayList<>();
        List<AuthorizationDetail> details = request.getAuthorizationDetails();
        if (details == null || details.size() != 1 || !(details.get(0).getField("documentDigests") instanceof List<?> list)) {
            return contents;
        }
        String algorithm = details.get(0).getStringField("hashAlgorithmOID");
        for (Object item : list) {
            JSONObject digest = (JSONObject) item;
            if (!(digest.get(CONTENT) instanceof String encoded)) {
                contents.add(null);
                continue;
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw invalid("a document's content must be base64");
            }
            if (content.length > MAX_CONTENT_BYTES) {
                throw invalid("a document sent for display is limited to " + MAX_CONTENT_BYTES + " bytes");
            }
            String hash = SadGrants.canonicalHashes(algorithm, standardBase64(List.of((String) digest.get("hash"))), 1).get(0);
            if (!hash.equals(Base64.getEncoder().encodeToString(SadGrants.digest(algorithm, content)))) {
                throw invalid("a document's content does not match its hash");
            }
            contents.add(content);
        }
        return contents;
    }

    /** True when the request asks for a credential authorization by RFC 9396 details rather than by scope. */
    static boolean requestedByDetails(AuthorizationRequest request) {
        return request.getAuthorizationDetails() != null
                && request.getAuthorizationDetails().stream().anyMatch(d -> CREDENTIAL.equals(d.getType()));
    }

    static CredentialRequest of(AuthorizationRequest request, int maxSignatures) throws ServiceException {
        List<AuthorizationDetail> details = request.getAuthorizationDetails();
        if (details != null && !details.isEmpty()) {
            if (details.size() != 1 || !CREDENTIAL.equals(details.get(0).getType())) {
                throw invalid("authorization_details must hold exactly one detail of type credential");
            }
            return ofDetail(details.get(0), maxSignatures);
        }
        String credentialId = single(request, "credentialID");
        if (credentialId == null) {
            throw invalid("credentialID is required for scope credential");
        }
        Integer numSignatures;
        try {
            String value = single(request, "numSignatures");
            numSignatures = value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid("numSignatures must be a number");
        }
        String hashAlgorithm = single(request, "hashAlgorithmOID");
        String hashList = single(request, "hashes");
        List<String> hashes = List.of();
        if (hashList != null && !hashList.isBlank()) {
            hashes = SadGrants.canonicalHashes(hashAlgorithm, standardBase64(List.of(hashList.split(","))), maxSignatures);
        }
        return new CredentialRequest(credentialId, numSignatures == null ? (hashes.isEmpty() ? null : hashes.size())
                : numSignatures, hashAlgorithm, hashes, List.of(), text(single(request, "description")), null, null);
    }

    private static CredentialRequest ofDetail(AuthorizationDetail detail, int maxSignatures) throws ServiceException {
        String credentialId = detail.getStringField("credentialID");
        if (credentialId == null) {
            throw invalid("the credential detail needs a credentialID");
        }
        String hashAlgorithm = detail.getStringField("hashAlgorithmOID");
        List<String> hashes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Object digests = detail.getField("documentDigests");
        if (!(digests instanceof List<?> list) || list.isEmpty()) {
            throw invalid("the credential detail needs documentDigests");
        }
        for (Object item : list) {
            if (!(item instanceof JSONObject digest) || !(digest.get("hash") instanceof String hash)) {
                throw invalid("each documentDigest needs a hash");
            }
            hashes.add(hash);
            labels.add(digest.get("label") instanceof String label ? text(label) : "");
        }
        List<String> canonical = SadGrants.canonicalHashes(hashAlgorithm, standardBase64(hashes), maxSignatures);
        return new CredentialRequest(credentialId, canonical.size(), hashAlgorithm, canonical, labels, null,
                withoutContents(detail), null);
    }

    /** The detail as the token response echoes it: the digests and labels, not the documents. */
    private static String withoutContents(AuthorizationDetail detail) {
        JSONObject copy = new JSONObject(detail.toJSONObject());
        if (copy.get("documentDigests") instanceof List<?> digests) {
            net.minidev.json.JSONArray stripped = new net.minidev.json.JSONArray();
            for (Object item : digests) {
                JSONObject entry = new JSONObject((JSONObject) item);
                entry.remove(CONTENT);
                stripped.add(entry);
            }
            copy.put("documentDigests", stripped);
        }
        return new net.minidev.json.JSONArray().appendElement(copy).toJSONString();
    }

    /** CSC sends base64url in query strings and base64 in JSON; both are accepted and compared as bytes. */
    private static List<String> standardBase64(List<String> values) {
        return values.stream().map(v -> v.strip().replace('-', '+').replace('_', '/')).toList();
    }

    private static String single(AuthorizationRequest request, String name) {
        List<String> values = request.getCustomParameter(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(String value) throws ServiceException {
        if (value != null && value.length() > MAX_TEXT) {
            throw invalid("labels and descriptions are limited to " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
