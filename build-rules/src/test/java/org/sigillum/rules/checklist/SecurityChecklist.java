package org.sigillum.rules.checklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the checklist: "## A. Title" starts a section, "- A1 text" is an item. */
final class SecurityChecklist {

    private static final Pattern SECTION = Pattern.compile("^## (.+)$");
    private static final Pattern ITEM = Pattern.compile("^- ([A-Z]\\d+) (.+)$");

    private SecurityChecklist() {
    }

    static List<ChecklistItem> read(Path file) throws IOException {
        List<ChecklistItem> items = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(file)) {
            Matcher heading = SECTION.matcher(line);
            Matcher item = ITEM.matcher(line);
            if (heading.matches()) {
                section = heading.group(1).trim();
            } else if (item.matches()) {
                items.add(new ChecklistItem(item.group(1), section, item.group(2).trim()));
            }
        }
        return items;
    }
}
