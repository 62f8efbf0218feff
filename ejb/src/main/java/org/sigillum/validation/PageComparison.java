package org.sigillum.validation;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages of the signed revision and of the document as a reader opens it, and tells which look different and
 * on which of them something the signer saw (a pixel that was not blank) was painted over or removed: that is how a
 * countersignature in free space differs from a box over the signed text. Pages are compared until the time budget
 * is spent; those left over are reported, never taken as unchanged.
 */
final class PageComparison {

    /** Coarse enough to be quick, fine enough for a line of 10-point text. */
    private static final float DPI = 50;
    /** A pixel at least this bright in every channel is blank paper. */
    private static final int BLANK = 0xF0;

    record Outcome(List<Integer> visible, List<Integer> contentChanged, List<Integer> notCompared) {
    }

    private PageComparison() {
    }

    static Outcome compare(PDDocument signed, PDDocument current, SortedSet<Integer> pages, long deadlineNanos) {
        List<Integer> visible = new ArrayList<>();
        List<Integer> contentChanged = new ArrayList<>();
        List<Integer> notCompared = new ArrayList<>();
        PDFRenderer before = new PDFRenderer(signed);
        PDFRenderer after = new PDFRenderer(current);
        for (int page : pages) {
            if (page > signed.getNumberOfPages() || page > current.getNumberOfPages()) {
                // a page added or taken away is a visible change in itself
                visible.add(page);
                contentChanged.add(page);
                continue;
            }
            if (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
                notCompared.add(page);
                continue;
            }
            try {
                BufferedImage a = before.renderImageWithDPI(page - 1, DPI, ImageType.RGB);
                BufferedImage b = after.renderImageWithDPI(page - 1, DPI, ImageType.RGB);
                Difference difference = difference(a, b);
                if (difference != Difference.NONE) {
                    visible.add(page);
                }
                if (difference == Difference.CONTENT) {
                    contentChanged.add(page);
                }
            } catch (Exception | StackOverflowError e) {
                // a page that cannot be drawn cannot be vouched for
                notCompared.add(page);
            }
        }
        return new Outcome(visible, contentChanged, notCompared);
    }

    private enum Difference { NONE, FREE_SPACE, CONTENT }

    private static Difference difference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return Difference.CONTENT;
        }
        Difference found = Difference.NONE;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int before = a.getRGB(x, y);
                if (before != b.getRGB(x, y)) {
                    if (!blank(before)) {
                        return Difference.CONTENT;
                    }
                    found = Difference.FREE_SPACE;
                }
            }
        }
        return found;
    }

    private static boolean blank(int rgb) {
        return (rgb >> 16 & 0xFF) >= BLANK && (rgb >> 8 & 0xFF) >= BLANK && (rgb & 0xFF) >= BLANK;
    }
}
