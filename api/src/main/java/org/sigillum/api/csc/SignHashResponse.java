package org.sigillum.api.csc;

import java.util.List;

public record SignHashResponse(List<String> signatures) {
}
