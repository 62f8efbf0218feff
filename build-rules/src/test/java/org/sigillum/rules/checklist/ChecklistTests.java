package org.sigillum.rules.checklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test methods whose names start with lowercase checklist IDs ({@code a11RevokedCredentialCannotSignDoc},
 * {@code d5d6…} for two, {@code b2_…}), found in the test sources of every module. Source text rather than
 * compiled classes, so that the it module's tests count without building them here.
 */
final class ChecklistTests {

    private static final Pattern TEST_ANNOTATION = Pattern.compile("^\\s*@(Test|ParameterizedTest|RepeatedTest)\\b");
    private static final Pattern METHOD = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(");
    private static final Pattern ID_PREFIX = Pattern.compile("^((?:[a-g]\\d{1,2})+)(?=[A-Z_])");
    private static final Pattern ONE_ID = Pattern.compile("[a-g]\\d{1,2}");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "var", ".git", "node_modules");

    private ChecklistTests() {
    }

    /** Checklist ID (upper case) → "Class.method" of each test that names it, sorted. */
    static TreeMap<String, TreeSet<String>> byId(Path root) throws IOException {
        TreeMap<String, TreeSet<String>> tests = new TreeMap<>();
        for (Path source : testSources(root)) {
            String testClass = source.getFileName().toString().replace(".java", "");
            for (String method : testMethods(source)) {
                for (String id : ids(method)) {
                    tests.computeIfAbsent(id, k -> new TreeSet<>()).add(testClass + "." + method);
                }
            }
        }
        return tests;
    }

    static List<String> ids(String methodName) {
        Matcher prefix = ID_PREFIX.matcher(methodName);
        List<String> ids = new ArrayList<>();
        if (prefix.find()) {
            Matcher id = ONE_ID.matcher(prefix.group(1));
            while (id.find()) {
                ids.add(id.group().toUpperCase(Locale.ROOT));
            }
        }
        return ids;
    }

    private static List<Path> testSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(ChecklistTests::notSkipped)
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/"))
                    .filter(p -> p.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean notSkipped(Path path) {
        for (Path part : path) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> testMethods(Path source) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> methods = new ArrayList<>();
        boolean annotated = false;
        for (String line : lines) {
            if (TEST_ANNOTATION.matcher(line).find()) {
                annotated = true;
            }
            Matcher method = METHOD.matcher(line);
            if (annotated && method.find()) {
                methods.add(method.group(1));
                annotated = false;
            }
        }
        return methods;
    }
}
