package org.sigillum.rules.checklist;

/** One line of docs/security-checklist.md: its ID (A1), the section it is in and what it requires. */
record ChecklistItem(String id, String section, String requirement) {
}
