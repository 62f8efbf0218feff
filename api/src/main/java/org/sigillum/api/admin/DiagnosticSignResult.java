package org.sigillum.api.admin;

import java.util.List;

public record DiagnosticSignResult(String publicKey, List<String> signatures) {
}
