package org.sigillum.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What each indirect object of one revision of a PDF is for, as a reader uses it: what a page draws (its content
 * streams and resources), its annotations and their appearances, form fields, signatures and document time-stamps,
 * and the validation data of the /DSS. An object can have several roles and belong to several pages; an object no
 * role reaches is not used by a reader at all.
 */
final class PdfObjectRoles {

    enum Role { CATALOG, PAGE, CONTENT, ANNOTATION, WIDGET, FORM_ROOT, FORM, SIGNATURE_FIELD, SIGNATURE_VALUE,
        DOC_TIMESTAMP, LTV }

    /** Stops the walk through a hostile object graph; what lies beyond is then unknown, and the review says so. */
    private static final int MAX_OBJECTS = 200_000;
    private static final COSName DOC_TIMESTAMP = COSName.getPDFName("DocTimeStamp");
    private static final COSName DSS = COSName.getPDFName("DSS");

    private final Map<COSObjectKey, Set<Role>> roles = new HashMap<>();
    private final Map<COSObjectKey, Set<Integer>> pages = new HashMap<>();
    private final Map<Long, Set<COSObjectKey>> byNumber = new HashMap<>();
    private int visited;
    private boolean complete = true;

    private PdfObjectRoles() {
    }

    static PdfObjectRoles of(PDDocument document) {
        PdfObjectRoles roles = new PdfObjectRoles();
        roles.read(document);
        return roles;
    }

    Set<Role> roles(COSObjectKey key) {
        return roles.getOrDefault(key, Set.of());
    }

    /** The pages (from 1) that draw the object or carry it as an annotation. */
    Set<Integer> pages(COSObjectKey key) {
        return pages.getOrDefault(key, Set.of());
    }

    /** Every key under which the object {@code number} is in use, of any generation. */
    Set<COSObjectKey> keysOf(long number) {
        return byNumber.getOrDefault(number, Set.of());
    }

    /** False when the walk stopped at its limit: the roles are then a lower bound. */
    boolean complete() {
        return complete;
    }

    private void read(PDDocument document) {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        mark(catalog.getKey(), Role.CATALOG, 0);
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            COSDictionary dictionary = page.getCOSObject();
            mark(dictionary.getKey(), Role.PAGE, number);
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                if (!COSName.PARENT.equals(entry.getKey()) && !COSName.ANNOTS.equals(entry.getKey())) {
                    walk(entry.getValue(), Role.CONTENT, number);
                }
            }
            // the page tree's nodes order the pages and hold inherited attributes (resources, boxes, rotation)
            COSBase parentItem = dictionary.getItem(COSName.PARENT);
            for (int depth = 0; resolve(parentItem) instanceof COSDictionary parent && depth < 64; depth++) {
                mark(parentItem, Role.PAGE, number);
                markKid(parent, dictionary, number);
                walk(parent.getItem(COSName.RESOURCES), Role.CONTENT, number);
                walk(parent.getItem(COSName.MEDIA_BOX), Role.CONTENT, number);
                walk(parent.getItem(COSName.CROP_BOX), Role.CONTENT, number);
                walk(parent.getItem(COSName.ROTATE), Role.CONTENT, number);
                dictionary = parent;
                parentItem = parent.getItem(COSName.PARENT);
            }
            annotations(page.getCOSObject().getItem(COSName.ANNOTS), number);
        }
        COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
        if (form != null) {
            mark(catalog.getItem(COSName.ACRO_FORM), Role.FORM_ROOT, 0);
            for (Map.Entry<COSName, COSBase> entry : form.entrySet()) {
                if (!COSName.FIELDS.equals(entry.getKey())) {
                    walk(entry.getValue(), Role.FORM, 0);
                }
            }
            fields(form.getItem(COSName.FIELDS), 0);
        }
        walk(catalog.getItem(DSS), Role.LTV, 0);
    }

    /** The key of {@code kid} as its parent's /Kids names it: a dictionary read through the page tree may not know it. */
    private void markKid(COSDictionary parent, COSDictionary kid, int page) {
        if (resolve(parent.getItem(COSName.KIDS)) instanceof COSArray kids) {
            for (COSBase item : kids) {
                if (item instanceof COSObject reference && reference.getObject() == kid) {
                    mark(reference, Role.PAGE, page);
                }
            }
        }
    }

    private void annotations(COSBase list, int page) {
        if (!(resolve(list) instanceof COSArray annotations)) {
            return;
        }
        mark(list, Role.PAGE, page);
        for (COSBase item : annotations) {
            if (resolve(item) instanceof COSDictionary annotation) {
                boolean widget = COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE));
                Role role = widget ? Role.WIDGET : Role.ANNOTATION;
                mark(item, role, page);
                walk(annotation.getItem(COSName.AP), role, page);
                if (widget) {
                    field(item, annotation, page);
                }
            }
        }
    }

    /** The form's field tree; widgets that are fields too are reached from the pages as well. */
    private void fields(COSBase list, int depth) {
        if (!(resolve(list) instanceof COSArray fields) || depth > 32) {
            return;
        }
        mark(list, Role.FORM_ROOT, 0);
        for (COSBase item : fields) {
            if (resolve(item) instanceof COSDictionary field) {
                field(item, field, 0);
                walk(field.getItem(COSName.AP), Role.WIDGET, 0);
                fields(field.getItem(COSName.KIDS), depth + 1);
            }
        }
    }

    private void field(COSBase item, COSDictionary field, int page) {
        mark(item, Role.FORM, page);
        COSName type = field.getCOSName(COSName.FT);
        COSDictionary parent = field.getCOSDictionary(COSName.PARENT);
        if (type == null && parent != null) {
            type = parent.getCOSName(COSName.FT);
        }
        if (COSName.SIG.equals(type)) {
            mark(item, Role.SIGNATURE_FIELD, page);
            walk(field.getItem(COSName.AP), Role.SIGNATURE_FIELD, page);
            COSBase value = field.getItem(COSName.V);
            if (resolve(value) instanceof COSDictionary signature) {
                boolean timestamp = DOC_TIMESTAMP.equals(signature.getCOSName(COSName.TYPE));
                walk(value, timestamp ? Role.DOC_TIMESTAMP : Role.SIGNATURE_VALUE, page);
            }
        } else {
            walk(field.getItem(COSName.V), Role.FORM, page);
        }
    }

    /** Marks every indirect object reachable from {@code start} (not through /Parent or /P, which lead back up). */
    private void walk(COSBase start, Role role, int page) {
        Deque<COSBase> pending = new ArrayDeque<>();
        Set<COSObjectKey> seen = new HashSet<>();
        pending.push(start == null ? COSNull.NULL : start);
        while (!pending.isEmpty()) {
            COSBase item = pending.pop();
            if (item instanceof COSObject reference) {
                if (reference.getKey() == null || !seen.add(reference.getKey())) {
                    continue;
                }
                mark(reference, role, page);
                if (++visited > MAX_OBJECTS) {
                    complete = false;
                    return;
                }
                item = reference.getObject();
            }
            if (item instanceof COSDictionary dictionary) {
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    if (!COSName.PARENT.equals(entry.getKey()) && !COSName.P.equals(entry.getKey())) {
                        pending.push(entry.getValue());
                    }
                }
            } else if (item instanceof COSArray array) {
                for (COSBase element : array) {
                    pending.push(element);
                }
            }
        }
    }

    private void mark(COSBase item, Role role, int page) {
        COSObjectKey key = item instanceof COSObject reference ? reference.getKey() : item == null ? null : item.getKey();
        mark(key, role, page);
    }

    private void mark(COSObjectKey key, Role role, int page) {
        if (key == null) {
            return;
        }
        roles.computeIfAbsent(key, k -> EnumSet.noneOf(Role.class)).add(role);
        byNumber.computeIfAbsent(key.getNumber(), k -> new HashSet<>()).add(key);
        if (page > 0) {
            pages.computeIfAbsent(key, k -> new TreeSet<>()).add(page);
        }
    }

    private static COSBase resolve(COSBase item) {
        return item instanceof COSObject reference ? reference.getObject() : item;
    }
}
