package org.sigillum.documents;

import eu.europa.esig.dss.pdf.AbstractPdfObjFactory;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfObjectModificationsFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a PDF may cost to read (checklist D2): PDFBox keeps at most a few MiB of a document in the heap and
 * spills the rest to a bounded temporary store, and page rendering for DSS's visual modification detection is
 * limited to documents of a few pages. A decompression bomb then fills the bounded store and fails instead of the
 * heap. Object changes after a signature are compared in documents of any length (checklist D1), with
 * {@link AnnotationVisibilityFilter}.
 */
@ApplicationScoped
public class PdfLimits {

    private static final long MIB = 1024L * 1024;

    @Inject
    @ConfigProperty(name = "sigillum.pdf.max-heap-mib", defaultValue = "16")
    long maxHeapMib;
    @Inject
    @ConfigProperty(name = "sigillum.pdf.max-storage-mib", defaultValue = "1024")
    long maxStorageMib;
    @Inject
    @ConfigProperty(name = "sigillum.pdf.max-pages-compared", defaultValue = "10")
    int maxPagesCompared;

    public IPdfObjFactory objectFactory() {
        return limited(new PdfBoxDefaultObjectFactory());
    }

    /**
     * For documents that arrive as files: PDFBox's native drawing of visible signatures, and each new revision
     * written to a temporary file under {@code workDirectory} instead of the heap.
     */
    public IPdfObjFactory fileObjectFactory(File workDirectory) {
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
        factory.setResourcesHandlerBuilder(new TempFileResourcesHandlerBuilder().setTempFileDirectory(workDirectory)
                .setFileNamePrefix("pades-"));
        return limited(factory);
    }

    private <F extends AbstractPdfObjFactory> F limited(F factory) {
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(maxHeapMib * MIB, maxStorageMib * MIB));
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(maxPagesCompared);
        factory.setPdfDifferencesFinder(differences);
        DefaultPdfObjectModificationsFinder objects = new DefaultPdfObjectModificationsFinder();
        objects.setPdfObjectModificationsFilter(new AnnotationVisibilityFilter());
        factory.setPdfObjectModificationsFinder(objects);
        return factory;
    }
}
