package org.sigillum.validation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.sigillum.validation.PdfObjectRoles.Role;

/**
 * What every revision after a PDF signature changes, judged by what a reader would show rather than by what the
 * signature covers. Each later revision is compared object by object with the one before (an object saved again
 * unchanged is no change), and each changed object is classified by its role in the document: validation data and
 * document time-stamps (an LTV update), signatures, form filling, annotations, or anything else (undefined). Two
 * things a parser that follows the cross-reference chain misses are changes too: object definitions after the signed
 * range that no cross-reference section accounts for (viewers rebuild the table and show them), and an object
 * defined anew under another generation number (viewers take the newest entry, and the old reference then resolves
 * to nothing). Pages whose objects changed are rendered before and after, within a time budget.
 */
final class PdfRevisionReview {

    /** Ordered by how much they may alter: a certification allows the kinds up to a bound. */
    enum Kind { NONE, LTV, SIGNATURE, FORM_FILL, ANNOTATION, UNDEFINED }

    /**
     * One revision after the signed one: where it ends, what kind of change it is (its worst object's), the objects
     * it changes and the kind of each, and the pages it touches.
     */
    record Revision(int number, long end, Kind kind, Map<String, Kind> objectKinds, List<Integer> pages,
                    boolean unaccounted) {

        List<String> objects() {
            return List.copyOf(objectKinds.keySet());
        }

        List<String> objects(Kind wanted) {
            return objectKinds.entrySet().stream().filter(entry -> entry.getValue() == wanted).map(Map.Entry::getKey)
                    .toList();
        }
    }

    /**
     * The review of one signature: its DocMDP permission (null for an approval signature), the revisions after it,
     * the pages that look different, those where signed content was painted over, those not compared in time.
     */
    record Result(Integer certificationPermission, List<Revision> revisions, List<Integer> visibleChangePages,
                  List<Integer> contentChangedPages, List<Integer> pagesNotCompared) {

        boolean changed() {
            return revisions.stream().anyMatch(revision -> revision.kind() != Kind.NONE);
        }

        boolean unaccountedBytes() {
            return revisions.stream().anyMatch(Revision::unaccounted);
        }

        Kind worst() {
            return revisions.stream().map(Revision::kind).max(Enum::compareTo).orElse(Kind.NONE);
        }

        /** A change the certification's permissions do not allow (ISO 32000-1, 12.8.2.2). */
        boolean certificationViolated() {
            if (certificationPermission == null) {
                return false;
            }
            Kind allowed = certificationPermission <= 1 ? Kind.LTV
                    : certificationPermission == 2 ? Kind.FORM_FILL : Kind.ANNOTATION;
            return worst().compareTo(allowed) > 0 || unaccountedBytes();
        }

        /** Objects changed with these kinds, over all revisions. */
        long count(Kind... kinds) {
            Set<Kind> wanted = Set.of(kinds);
            return revisions.stream().flatMap(revision -> revision.objectKinds().values().stream())
                    .filter(wanted::contains).count();
        }
    }

    /** Beyond this many revisions after a signature, the rest is reviewed as one. */
    private static final int MAX_REVISIONS = 32;
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern OBJECT_HEADER = Pattern.compile("(?<![0-9])(\\d{1,10})[ \\t\\r\\n\\f\\x00]+(\\d{1,5})"
            + "[ \\t\\r\\n\\f\\x00]+obj(?![A-Za-z])");
    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final COSName DOC_TIMESTAMP = COSName.getPDFName("DocTimeStamp");
    /** What signing and LTV updates change in the catalog: the form, validation data, extensions, PDF/A intents. */
    private static final Set<COSName> CATALOG_UPDATES = Set.of(COSName.ACRO_FORM, DSS, EXTENSIONS, COSName.METADATA,
            COSName.getPDFName("OutputIntents"));

    private final Supplier<StreamCacheCreateFunction> cache;
    private final long deadline;

    /** A review for one request: pages of all its signatures are compared within {@code compareBudget}. */
    PdfRevisionReview(Supplier<StreamCacheCreateFunction> cache, Duration compareBudget) {
        this.cache = cache;
        this.deadline = System.nanoTime() + compareBudget.toNanos();
    }

    /** The review for the signature with {@code byteRange}, or null when its range does not fit the document. */
    Result review(byte[] pdf, long[] byteRange) {
        if (byteRange == null || byteRange.length != 4 || byteRange[2] + byteRange[3] > pdf.length
                || byteRange[2] + byteRange[3] <= 0) {
            return null;
        }
        int signedEnd = (int) (byteRange[2] + byteRange[3]);
        try (PDDocument signed = load(pdf, signedEnd)) {
            return review(pdf, byteRange, signedEnd, signed);
        } catch (IOException e) {
            // the signed revision itself cannot be read: nothing after it can be vouched for
            return new Result(null, List.of(new Revision(1, pdf.length, Kind.UNDEFINED, Map.of(), List.of(), true)),
                    List.of(), List.of(), List.of());
        }
    }

    private Result review(byte[] pdf, long[] byteRange, int signedEnd, PDDocument signed) throws IOException {
        Integer permission = certificationPermission(signed, byteRange);
        PdfObjectRoles signedRoles = PdfObjectRoles.of(signed);
        List<Revision> revisions = new ArrayList<>();
        SortedSet<Integer> pagesToCompare = new TreeSet<>();
        Set<Integer> unrenderable = new TreeSet<>();
        boolean allPages = false;
        PDDocument previous = signed;
        PdfObjectRoles previousRoles = signedRoles;
        PDDocument current = signed;
        List<PDDocument> opened = new ArrayList<>();
        try {
            for (int end : revisionEnds(pdf, signedEnd)) {
                PDDocument next;
                try {
                    next = load(pdf, end);
                } catch (IOException e) {
                    revisions.add(new Revision(revisions.size() + 1, end, Kind.UNDEFINED, Map.of(), List.of(), true));
                    continue;
                }
                opened.add(next);
                PdfObjectRoles nextRoles = PdfObjectRoles.of(next);
                Changes changes = changes(pdf, previous, previousRoles, next, nextRoles);
                revisions.add(new Revision(revisions.size() + 1, end, changes.kind(), changes.objects(),
                        List.copyOf(changes.pages), false));
                pagesToCompare.addAll(changes.pages);
                unrenderable.addAll(changes.unrenderablePages);
                allPages |= changes.structural;
                previous = next;
                previousRoles = nextRoles;
                current = next;
            }
            Revision unaccounted = unaccounted(pdf, signedEnd, current, signedRoles, revisions.size() + 1);
            if (unaccounted != null) {
                revisions.add(unaccounted);
                unrenderable.addAll(unaccounted.pages());
            }
            if (allPages) {
                int pages = Math.max(signed.getNumberOfPages(), current.getNumberOfPages());
                for (int page = 1; page <= pages; page++) {
                    pagesToCompare.add(page);
                }
            }
            PageComparison.Outcome outcome = PageComparison.compare(signed, current, pagesToCompare, deadline);
            SortedSet<Integer> visible = new TreeSet<>(outcome.visible());
            SortedSet<Integer> content = new TreeSet<>(outcome.contentChanged());
            // what a viewer shows but PDFBox does not read cannot be rendered here: it counts as painted over
            visible.addAll(unrenderable);
            content.addAll(unrenderable);
            return new Result(permission, revisions, List.copyOf(visible), List.copyOf(content),
                    outcome.notCompared());
        } finally {
            for (PDDocument document : opened) {
                document.close();
            }
        }
    }

    /** The objects one revision changes, their kinds and the pages they are on. */
    private static final class Changes {
        final Map<String, Kind> objects = new TreeMap<>();
        final SortedSet<Integer> pages = new TreeSet<>();
        final SortedSet<Integer> unrenderablePages = new TreeSet<>();
        boolean structural;

        void add(String object, Kind kind, Set<Integer> on) {
            objects.merge(object, kind, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            pages.addAll(on);
        }

        Kind kind() {
            return objects.values().stream().max(Enum::compareTo).orElse(Kind.NONE);
        }

        Map<String, Kind> objects() {
            Map<String, Kind> changed = new TreeMap<>(objects);
            changed.values().removeIf(kind -> kind == Kind.NONE);
            return changed;
        }
    }

    private Changes changes(byte[] pdf, PDDocument previous, PdfObjectRoles before, PDDocument next,
                            PdfObjectRoles after) {
        Changes changes = new Changes();
        Map<COSObjectKey, Long> oldTable = previous.getDocument().getXrefTable();
        Map<COSObjectKey, Long> newTable = next.getDocument().getXrefTable();
        Map<Long, Set<Integer>> oldGenerations = new HashMap<>();
        oldTable.keySet().forEach(key -> oldGenerations.computeIfAbsent(key.getNumber(), n -> new HashSet<>())
                .add(key.getGeneration()));
        boolean timestampRevision = false;
        boolean timestampAccepted = true;
        List<COSObjectKey> changed = new ArrayList<>();
        for (Map.Entry<COSObjectKey, Long> entry : newTable.entrySet()) {
            COSObjectKey key = entry.getKey();
            if (entry.getValue().equals(oldTable.get(key))) {
                continue;
            }
            if (!oldTable.containsKey(key)) {
                for (int generation : oldGenerations.getOrDefault(key.getNumber(), Set.of())) {
                    // viewers take the newest entry for the number: the old reference now resolves to nothing
                    COSObjectKey replaced = new COSObjectKey(key.getNumber(), generation);
                    changes.add(name(replaced), Kind.UNDEFINED, before.pages(replaced));
                    changes.unrenderablePages.addAll(before.pages(replaced));
                    if (before.roles(replaced).contains(Role.CATALOG) || before.roles(replaced).contains(Role.PAGE)) {
                        changes.structural = true;
                    }
                }
            } else if (CosEquality.same(object(previous, key), object(next, key))) {
                continue;
            }
            changed.add(key);
            COSBase value = object(next, key);
            if (value instanceof COSDictionary dictionary && DOC_TIMESTAMP.equals(timestampType(dictionary))) {
                timestampRevision = true;
                COSDictionary signature = dictionary.getCOSDictionary(COSName.V);
                timestampAccepted &= !DocTimestampCheck.visible(dictionary)
                        && (signature == null || DocTimestampCheck.validToken(signature, pdf));
            } else if (value instanceof COSDictionary dictionary
                    && DOC_TIMESTAMP.equals(dictionary.getCOSName(COSName.TYPE))) {
                timestampRevision = true;
                timestampAccepted &= DocTimestampCheck.validToken(dictionary, pdf);
            }
        }
        Kind timestampKind = timestampAccepted ? Kind.LTV : Kind.UNDEFINED;
        for (COSObjectKey key : changed) {
            Set<Role> roles = new HashSet<>(before.roles(key));
            roles.addAll(after.roles(key));
            Set<Integer> pages = new TreeSet<>(before.pages(key));
            pages.addAll(after.pages(key));
            Kind kind = kind(key, roles, previous, next, timestampRevision ? timestampKind : Kind.SIGNATURE);
            if (kind == Kind.UNDEFINED && (roles.contains(Role.CATALOG) || roles.contains(Role.PAGE))) {
                changes.structural = true;
            }
            changes.add(name(key), kind, pages);
        }
        COSBase oldRoot = previous.getDocument().getTrailer().getItem(COSName.ROOT);
        COSBase newRoot = next.getDocument().getTrailer().getItem(COSName.ROOT);
        if (!CosEquality.same(oldRoot, newRoot)) {
            changes.add("trailer /Root", Kind.UNDEFINED, Set.of());
            changes.structural = true;
        }
        return changes;
    }

    private static Kind kind(COSObjectKey key, Set<Role> roles, PDDocument previous, PDDocument next,
                             Kind signatureKind) {
        if (roles.contains(Role.CONTENT)) {
            return Kind.UNDEFINED;
        }
        if (roles.contains(Role.DOC_TIMESTAMP)) {
            return signatureKind == Kind.SIGNATURE ? Kind.UNDEFINED : signatureKind;
        }
        if (roles.contains(Role.SIGNATURE_FIELD) || roles.contains(Role.SIGNATURE_VALUE)) {
            return signatureKind;
        }
        if (roles.equals(Set.of(Role.FORM_ROOT))) {
            // the form's field list grows with every field or signature added, each classified on its own
            return CosEquality.same(object(previous, key), object(next, key), Set.of(COSName.FIELDS, COSName.SIG_FLAGS))
                    || !(object(next, key) instanceof COSDictionary) ? Kind.NONE : Kind.FORM_FILL;
        }
        if (roles.contains(Role.WIDGET) || roles.contains(Role.FORM) || roles.contains(Role.FORM_ROOT)) {
            return Kind.FORM_FILL;
        }
        if (roles.contains(Role.ANNOTATION)) {
            return Kind.ANNOTATION;
        }
        if (roles.contains(Role.LTV)) {
            return Kind.LTV;
        }
        if (roles.contains(Role.PAGE)) {
            // a page's list of annotations changes with every annotation or field added; the rest is the page itself
            return CosEquality.same(object(previous, key), object(next, key), Set.of(COSName.ANNOTS))
                    ? Kind.NONE : Kind.UNDEFINED;
        }
        if (roles.contains(Role.CATALOG)) {
            return CosEquality.same(object(previous, key), object(next, key),
                    CATALOG_UPDATES) ? Kind.NONE : Kind.UNDEFINED;
        }
        // an object nothing in the document uses is not shown by any reader
        return Kind.NONE;
    }

    /**
     * Object definitions after the signed range that the cross-reference chain does not lead to, where they are the
     * last definition of their number in the file: a viewer that rebuilds the table uses them.
     */
    private static Revision unaccounted(byte[] pdf, int signedEnd, PDDocument current, PdfObjectRoles signedRoles,
                                        int number) {
        Set<Long> offsets = new HashSet<>(current.getDocument().getXrefTable().values());
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Map<Long, Integer> lastDefinition = new HashMap<>();
        Matcher header = OBJECT_HEADER.matcher(text);
        while (header.find()) {
            lastDefinition.put(Long.parseLong(header.group(1)), header.start());
        }
        Map<String, Kind> objects = new TreeMap<>();
        SortedSet<Integer> pages = new TreeSet<>();
        header = OBJECT_HEADER.matcher(text).region(signedEnd, text.length());
        while (header.find()) {
            long objectNumber = Long.parseLong(header.group(1));
            if (lastDefinition.get(objectNumber) == header.start() && !accounted(offsets, pdf, header.start())) {
                objects.put(header.group(1) + " " + header.group(2), Kind.UNDEFINED);
                for (COSObjectKey key : signedRoles.keysOf(objectNumber)) {
                    pages.addAll(signedRoles.pages(key));
                }
            }
        }
        boolean trailingBytes = trailingBytes(pdf, signedEnd);
        if (objects.isEmpty() && !trailingBytes) {
            return null;
        }
        return new Revision(number, pdf.length, Kind.UNDEFINED, objects, List.copyOf(pages), true);
    }

    /** An offset in the table points at the header, or at the white space just before it. */
    private static boolean accounted(Set<Long> offsets, byte[] pdf, int start) {
        for (int at = start; at >= 0 && start - at <= 4; at--) {
            if (offsets.contains((long) at)) {
                return true;
            }
            if (at > 0 && !Character.isWhitespace(pdf[at - 1])) {
                return false;
            }
        }
        return false;
    }

    /** Anything but white space after the last %%EOF past the signed range. */
    private static boolean trailingBytes(byte[] pdf, int signedEnd) {
        int last = lastIndexOf(pdf, EOF);
        int from = last >= signedEnd - EOF.length ? last + EOF.length : signedEnd;
        for (int i = Math.max(from, signedEnd); i < pdf.length; i++) {
            if (!Character.isWhitespace(pdf[i]) && pdf[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Where each revision after the signed one ends: after its %%EOF and the line end that follows. */
    static List<Integer> revisionEnds(byte[] pdf, int signedEnd) {
        List<Integer> ends = new ArrayList<>();
        for (int at = indexOf(pdf, EOF, signedEnd); at >= 0; at = indexOf(pdf, EOF, at + EOF.length)) {
            int end = at + EOF.length;
            if (end < pdf.length && pdf[end] == '\r') {
                end++;
            }
            if (end < pdf.length && pdf[end] == '\n') {
                end++;
            }
            ends.add(end);
        }
        if (ends.size() > MAX_REVISIONS) {
            ends = new ArrayList<>(ends.subList(0, MAX_REVISIONS - 1));
            ends.add(pdf.length);
        }
        // bytes after the last %%EOF belong to the document a reader opens
        if (!ends.isEmpty() && ends.get(ends.size() - 1) < pdf.length && trailingBytes(pdf, signedEnd)) {
            ends.set(ends.size() - 1, pdf.length);
        } else if (ends.isEmpty() && pdf.length > signedEnd && trailingBytes(pdf, signedEnd)) {
            ends.add(pdf.length);
        }
        return ends;
    }

    /** DocMDP permission of the certification signature with this byte range (default 2), or null. */
    private static Integer certificationPermission(PDDocument signed, long[] byteRange) {
        for (var signature : signed.getSignatureDictionaries()) {
            int[] range = signature.getByteRange();
            if (range.length != 4 || range[0] != byteRange[0] || range[1] != byteRange[1]
                    || range[2] != byteRange[2] || range[3] != byteRange[3]) {
                continue;
            }
            COSArray references = signature.getCOSObject().getCOSArray(COSName.getPDFName("Reference"));
            if (references == null) {
                return null;
            }
            for (COSBase item : references) {
                COSBase resolved = item instanceof COSObject reference ? reference.getObject() : item;
                if (resolved instanceof COSDictionary reference
                        && DOC_MDP.equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
                    COSDictionary params = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
                    int permission = params == null ? 2 : params.getInt(COSName.P, 2);
                    return permission < 1 || permission > 3 ? 2 : permission;
                }
            }
            return null;
        }
        return null;
    }

    private static COSName timestampType(COSDictionary field) {
        COSDictionary value = field.getCOSDictionary(COSName.V);
        return value == null ? null : value.getCOSName(COSName.TYPE);
    }

    private static COSBase object(PDDocument document, COSObjectKey key) {
        COSObject object = document.getDocument().getObjectFromPool(key);
        return object == null ? null : object.getObject();
    }

    private static String name(COSObjectKey key) {
        return key.getNumber() + " " + key.getGeneration();
    }

    private PDDocument load(byte[] pdf, int length) throws IOException {
        return Loader.loadPDF(new RandomAccessReadBuffer(ByteBuffer.wrap(pdf, 0, length).slice()), "", null, null,
                cache.get());
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        int last = -1;
        for (int at = indexOf(haystack, needle, 0); at >= 0; at = indexOf(haystack, needle, at + 1)) {
            last = at;
        }
        return last;
    }
}
