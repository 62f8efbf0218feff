package org.sigillum.rules;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import java.util.regex.Pattern;

/**
 * Says whether a violation is one already frozen. Like ArchUnit's default it ignores line numbers and the
 * numbering of anonymous classes; for a package cycle it compares only the packages in the cycle, not the
 * list of dependencies that close it, so adding or removing one call along a known cycle is not a new one.
 */
public final class FrozenViolationMatcher implements ViolationLineMatcher {

    private static final Pattern LINE_NUMBER = Pattern.compile("\\.java:\\d+\\)");
    private static final Pattern ANONYMOUS = Pattern.compile("\\$\\d+");
    private static final String CYCLE = "Cycle detected:";
    private static final String CYCLE_DETAILS = "1. Dependencies of";

    @Override
    public boolean matches(String frozen, String actual) {
        return relevant(frozen).equals(relevant(actual));
    }

    private static String relevant(String violation) {
        String text = violation;
        if (text.startsWith(CYCLE)) {
            int details = text.indexOf(CYCLE_DETAILS);
            if (details > 0) {
                text = text.substring(0, details);
            }
            text = text.replaceAll("\\s+", " ");
        }
        return ANONYMOUS.matcher(LINE_NUMBER.matcher(text).replaceAll(".java)")).replaceAll("\\$");
    }
}
