package org.sigillum.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of ARCHITECTURE.md, checked on every build. Each rule says in its failure message which
 * boundary it guards and why. Violations that existed when a rule was introduced are frozen under
 * src/test/resources/frozen: they may disappear, but no new one may appear (README, "Architecture").
 */
class ModuleBoundariesTest {

    private static final String ADAPTER = "org.sigillum.hsm.adapter..";
    private static final String HSM_API = "org.sigillum.hsm";
    private static final String API = "org.sigillum.api..";
    private static final String SAM = "org.sigillum.sam..";
    private static final String WEB = "org.sigillum.web..";

    @Test
    void pkcs11OnlyInTheResourceAdapter() {
        check(noClasses().that().resideOutsideOfPackage(ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage("iaik..", "org.xipki.pkcs11..", "sun.security.pkcs11..")
                .as("[pkcs11-in-adapter] PKCS#11 is spoken only in connector-rar/adapter (org.sigillum.hsm.adapter)")
                .because("the resource adapter owns the sessions, the pool and the translation of CKR_* codes; "
                        + "a second PKCS#11 user bypasses the pool, the key-binding checks and the fault handling"));
    }

    @Test
    void apiHoldsContractsOnly() {
        check(classes().that().resideInAPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage(API, HSM_API, "java..", "jakarta..",
                        "com.nimbusds..")
                .as("[api-contracts-only] the api module depends on no product module")
                .because("api is the contract between web, ejb and sam-ejb; product code in it would let web "
                        + "reach behind the service interfaces"));
    }

    @Test
    void apiHoldsNoBeans() {
        check(noClasses().that().resideInAPackage(API)
                .should().beAnnotatedWith("jakarta.ejb.Stateless").orShould().beAnnotatedWith("jakarta.ejb.Singleton")
                .orShould().beAnnotatedWith("jakarta.ejb.Stateful")
                .orShould().beAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
                .orShould().beAnnotatedWith("jakarta.enterprise.context.RequestScoped")
                .orShould().beAnnotatedWith("jakarta.enterprise.context.SessionScoped")
                .as("[api-no-beans] the api module holds interfaces and data, no EJB or CDI bean")
                .because("an implementation in api is deployed in the EAR's lib and is visible to every module, "
                        + "outside the boundary of the module that should own it"));
    }

    @Test
    void webOnlyOnApi() {
        check(noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat(resideInAPackage("org.sigillum..")
                        .and(not(resideInAnyPackage(WEB, API))))
                .as("[web-only-on-api] web uses Sigillum only through the api module")
                .because("the web tier translates HTTP; everything it may ask of the product is a @Local service "
                        + "interface in api, so security decisions stay in the EJB layer"));
    }

    /** Not frozen: since the CA, TSA, OCSP and diagnostic keys sign through signWithServiceKey, nothing is exempt. */
    @Test
    void userKeySigningOnlyInTheSam() {
        checkWithoutExemptions(noClasses().that().resideOutsideOfPackages(SAM, "org.sigillum.hsm..")
                .should().callMethodWhere(target(name("unwrapAndSign"))
                        .and(target(owner(assignableTo("org.sigillum.hsm.HsmConnection")))))
                .as("[signing-only-in-sam] HsmConnection.unwrapAndSign is called only by the SAM (sam-ejb)")
                .because("EN 419 241-2 SCAL2: a user key signs only after the SAM verified a SAD for exactly "
                        + "these hashes (checklist A10); keys of the service itself sign through "
                        + "HsmConnection.signWithServiceKey, which refuses a user's key"));
    }

    @Test
    void samInternalsStayInTheSam() {
        check(noClasses().that().resideOutsideOfPackage(SAM)
                .should().dependOnClassesThat().resideInAPackage(SAM)
                .as("[sam-sealed] no module uses sam-ejb's classes; the SAM is reached through its api interfaces")
                .because("the SAM is the sole-control boundary: code outside it that shares its stores, ledger "
                        + "or hashing can spend or mint what only the SAM should"));
    }

    @Test
    void noPackageCycles() {
        check(slices().matching("org.sigillum.(**)").should().beFreeOfCycles()
                .as("[no-package-cycles] packages form no dependency cycle")
                .because("a cycle makes two packages one unit that can be neither understood, tested nor moved "
                        + "to another module on its own"));
    }

    private static void check(ArchRule rule) {
        FreezingArchRule.freeze(rule).check(ProductClasses.all());
    }

    private static void checkWithoutExemptions(ArchRule rule) {
        rule.check(ProductClasses.all());
    }
}
