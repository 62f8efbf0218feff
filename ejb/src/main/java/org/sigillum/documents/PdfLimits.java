package org.sigillum.documents;

import eu.europa.esig.dss.pdf.AbstractPdfObjFactory;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfObjectModificationsFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.visible.defaultdrawer.PdfBoxDefaultSignatureDrawerFactory;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a PDF may cost to read (checklist D2): PDFBox keeps at most a few MiB of a document in the heap and
 * spills the rest to a bounded temporary store. A decompression bomb then fills the bounded store and fails instead
 * of the heap. DSS renders no pages: the validation's own revision review compares the pages whose objects changed
 * after a signature, in documents of any length, for at most {@code sigillum.pdf.compare-seconds} (checklist D1).
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
    @ConfigProperty(name = "sigillum.pdf.compare-seconds", defaultValue = "20")
    long compareSeconds;

    /** Document time-stamps (B-T by extension, LTA) come from {@link DocumentTimestampService} in both factories. */
    public IPdfObjFactory objectFactory() {
        return limited(new PdfBoxDefaultObjectFactory() {
            @Override
            public PDFSignatureService newSignatureTimestampService() {
                return configure(new DocumentTimestampService(PDFServiceMode.SIGNATURE_TIMESTAMP,
                        new PdfBoxDefaultSignatureDrawerFactory()));
            }

            @Override
            public PDFSignatureService newArchiveTimestampService() {
                return configure(new DocumentTimestampService(PDFServiceMode.ARCHIVE_TIMESTAMP,
                        new PdfBoxDefaultSignatureDrawerFactory()));
            }
        });
    }

    /**
     * For documents that arrive as files: PDFBox's native drawing of visible signatures, and each new revision
     * written to a temporary file under {@code workDirectory} instead of the heap.
     */
    public IPdfObjFactory fileObjectFactory(File workDirectory) {
        PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory() {
            @Override
            public PDFSignatureService newSignatureTimestampService() {
                return configure(new DocumentTimestampService(PDFServiceMode.SIGNATURE_TIMESTAMP,
                        new PdfBoxNativeSignatureDrawerFactory()));
            }

            @Override
            public PDFSignatureService newArchiveTimestampService() {
                return configure(new DocumentTimestampService(PDFServiceMode.ARCHIVE_TIMESTAMP,
                        new PdfBoxNativeSignatureDrawerFactory()));
            }
        };
        factory.setResourcesHandlerBuilder(new TempFileResourcesHandlerBuilder().setTempFileDirectory(workDirectory)
                .setFileNamePrefix("pades-"));
        return limited(factory);
    }

    /** How PDFBox buffers a document it reads, within the same bounds as DSS's reading. */
    public StreamCacheCreateFunction streamCache() {
        return MemoryUsageSetting.setupMixed(maxHeapMib * MIB, maxStorageMib * MIB).streamCache;
    }

    /** How long the pages changed after the signatures of one document may take to render and compare. */
    public Duration compareBudget() {
        return Duration.ofSeconds(Math.max(0, compareSeconds));
    }

    private <F extends AbstractPdfObjFactory> F limited(F factory) {
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(maxHeapMib * MIB, maxStorageMib * MIB));
        DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        factory.setPdfDifferencesFinder(differences);
        DefaultPdfObjectModificationsFinder objects = new DefaultPdfObjectModificationsFinder();
        objects.setPdfObjectModificationsFilter(new AnnotationVisibilityFilter());
        factory.setPdfObjectModificationsFinder(objects);
        return factory;
    }
}
