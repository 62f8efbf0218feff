package org.sigillum.api.csc;

/** The base64 DER of an RFC 3161 TimeStampToken. */
public record TimestampResponse(String timestamp) {
}
