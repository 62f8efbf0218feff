package org.sigillum.rules.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/checklist.md true: every checklist item has a test or is listed as pending, nothing is pending
 * that has a test, every ID a test names exists, and the committed matrix is the one the sources give.
 * {@code -Dchecklist.write=true} (bin/sigillum checklist) rewrites the matrix instead of failing on it.
 */
class ChecklistMatrixTest {

    private static final Path ROOT = Path.of(System.getProperty("sigillum.root", "..")).toAbsolutePath().normalize();
    private static final Path CHECKLIST = ROOT.resolve("docs/security-checklist.md");
    private static final Path PENDING = ROOT.resolve("docs/checklist-pending.txt");
    private static final Path MATRIX = ROOT.resolve("docs/checklist.md");

    @Test
    void everyItemHasATestOrIsPending() throws IOException {
        List<ChecklistItem> items = SecurityChecklist.read(CHECKLIST);
        TreeMap<String, TreeSet<String>> tests = ChecklistTests.byId(ROOT);
        Set<String> pending = pending();
        List<String> uncovered = items.stream().map(ChecklistItem::id)
                .filter(id -> !tests.containsKey(id) && !pending.contains(id)).toList();
        assertTrue(uncovered.isEmpty(), "checklist items without a test: " + uncovered + ". Name a test method "
                + "after the item (e.g. a11RevokedCredentialCannotSignDoc), or list the ID in " + ROOT.relativize(PENDING));
    }

    @Test
    void nothingPendingHasATest() throws IOException {
        TreeMap<String, TreeSet<String>> tests = ChecklistTests.byId(ROOT);
        List<String> covered = pending().stream().filter(tests::containsKey).sorted().toList();
        assertTrue(covered.isEmpty(), "listed as pending but covered by a test, remove them from "
                + ROOT.relativize(PENDING) + ": " + covered);
    }

    @Test
    void testsAndPendingNameOnlyExistingItems() throws IOException {
        Set<String> known = SecurityChecklist.read(CHECKLIST).stream().map(ChecklistItem::id).collect(Collectors.toSet());
        TreeMap<String, TreeSet<String>> tests = ChecklistTests.byId(ROOT);
        List<String> unknown = tests.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertTrue(unknown.isEmpty(), "tests named after checklist IDs that do not exist: " + unknown);
        List<String> unknownPending = pending().stream().filter(id -> !known.contains(id)).sorted().toList();
        assertTrue(unknownPending.isEmpty(), "pending IDs that are not in the checklist: " + unknownPending);
    }

    @Test
    void matrixIsUpToDate() throws IOException {
        String generated = ChecklistMatrix.render(SecurityChecklist.read(CHECKLIST), ChecklistTests.byId(ROOT), pending());
        if (Boolean.getBoolean("checklist.write")) {
            Files.writeString(MATRIX, generated);
            return;
        }
        if (!Files.exists(MATRIX)) {
            fail(ROOT.relativize(MATRIX) + " is missing; run bin/sigillum checklist");
        }
        assertEquals(generated, Files.readString(MATRIX), ROOT.relativize(MATRIX)
                + " is stale (a test or the checklist changed); run bin/sigillum checklist and commit the result");
    }

    /** One ID per line; text after '#' is a comment (say why the item has no test yet). */
    private static Set<String> pending() throws IOException {
        if (!Files.exists(PENDING)) {
            return Set.of();
        }
        return Files.readAllLines(PENDING).stream().map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
