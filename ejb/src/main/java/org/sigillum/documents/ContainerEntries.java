package org.sigillum.documents;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sigillum.api.documents.UploadedDocument;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * The files of one ASiC-E container: each becomes an entry named after the file (a name without path, as the
 * upload left it), so no two may share a name, even in another case, and none may take a name the container format
 * reserves for itself.
 */
final class ContainerEntries {

    private ContainerEntries() {
    }

    static void check(List<UploadedDocument> uploads) throws ServiceException {
        Set<String> names = new HashSet<>();
        requireNoReservedName(uploads);
        for (UploadedDocument upload : uploads) {
            String name = upload.name().toLowerCase(Locale.ROOT);
            if (!names.add(name)) {
                throw invalid("two files are named " + upload.name() + "; in one container each name is one entry");
            }
        }
    }

    /**
     * Every ASiC container, ASiC-S with one file included: a file named like the container's own entries
     * ({@code mimetype}, {@code META-INF} and anything under it) would clash with them inside DSS after the SAD is
     * spent, so it is refused before.
     */
    static void requireNoReservedName(List<UploadedDocument> uploads) throws ServiceException {
        for (UploadedDocument upload : uploads) {
            String name = upload.name().toLowerCase(Locale.ROOT).replace('\\', '/');
            if (name.equals("mimetype") || name.equals("meta-inf") || name.startsWith("meta-inf/")) {
                throw invalid("a file in an ASiC container cannot be named " + upload.name());
            }
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
