package org.sigillum.api.csc;

/** CSC {@code signatures/signPolling}: the responseID an asynchronous signHash or signDoc returned. */
public record SignPollingRequest(String responseID) {
}
