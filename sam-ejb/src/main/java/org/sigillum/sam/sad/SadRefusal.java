package org.sigillum.sam.sad;

import org.sigillum.api.error.ServiceException;

/** A SAD refused by one of the {@link SadRules}: the rule is kept, and named in the message, so a test can tell which. */
public final class SadRefusal extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final SadRules.Rule rule;

    SadRefusal(SadRules.Rule rule) {
        super(rule.code(), rule.message() + " (" + rule.checklistId() + ")");
        this.rule = rule;
    }

    public SadRules.Rule rule() {
        return rule;
    }
}
