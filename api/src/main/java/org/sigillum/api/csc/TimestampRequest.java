package org.sigillum.api.csc;

/** CSC v2 signatures/timestamp: a base64 hash, its algorithm, and an optional nonce (hexadecimal). */
public record TimestampRequest(String hash, String hashAlgorithmOID, String nonce, String clientData) {
}
