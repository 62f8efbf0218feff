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
        for (UploadedDocument upload : uploads) {
            String name = upload.name().toLowerCase(Locale.ROOT);
            if (name.equals("mimetype") || name.equals("meta-inf")) {
                throw invalid("a file in an ASiC container cannot be named " + upload.name());
            }
            if (!names.add(name)) {
                throw invalid("two files are named " + upload.name() + "; in one container each name is one entry");
            }
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
