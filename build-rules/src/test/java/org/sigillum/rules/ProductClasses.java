package org.sigillum.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The production classes of every module, read once from the module jars this module depends on. */
final class ProductClasses {

    private static JavaClasses classes;

    private ProductClasses() {
    }

    static synchronized JavaClasses all() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.sigillum");
        }
        return classes;
    }
}
