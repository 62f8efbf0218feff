package org.sigillum.documents;

import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a PDF may cost to read (checklist D2): PDFBox keeps at most a few MiB of a document in the heap and
 * spills the rest to a bounded temporary store, and page rendering for DSS's visual modification detection is
 * limited to the first pages. A decompression bomb then fills the bounded store and fails instead of the heap.
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
        PdfBoxDefaultObjectFactory factory = new PdfBoxDefaultObjectFactory();
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(maxHeapMib * MIB, maxStorageMib * MIB));
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(maxPagesCompared);
        factory.setPdfDifferencesFinder(differences);
        return factory;
    }
}
