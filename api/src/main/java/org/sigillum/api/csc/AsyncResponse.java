package org.sigillum.api.csc;

/** The answer (HTTP 202) to a signHash or signDoc in asynchronous operation mode. */
public record AsyncResponse(String responseID) {
}
