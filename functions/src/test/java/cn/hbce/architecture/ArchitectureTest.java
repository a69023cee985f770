package cn.hbce.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.PersonCreation;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/design.md, enforced on packages and types rather than on class-name suffixes.
 * In each feature package ({@code cn.hbce.<feature>..}): handlers (web: the Lambda entry points,
 * i.e. every {@link RequestHandler}, and their nested request records) → use cases and domain
 * types (plain Java) → ports (interfaces) ← adapters (package {@code <feature>.adapter}, the only
 * feature code that touches the AWS SDK). {@code cn.hbce.common.http} and
 * {@code cn.hbce.common.lambda} are the web layer's shared part, {@code cn.hbce.common.aws} the
 * adapters'; the wiring ({@code cn.hbce} itself) may see everything. A broken rule fails with the
 * offending dependency and the rule's reason.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.hbce")
            .that(not(resideInAPackage("cn.hbce.emulator..")));

    private static final String[] WEB_PACKAGES = {"cn.hbce.common.http..", "cn.hbce.common.lambda.."};
    private static final String[] LAMBDA_AND_SDK = {"com.amazonaws.services.lambda..", "software.amazon.."};

    /** The package of every feature: one level below cn.hbce, except the shared code. */
    private static final DescribedPredicate<JavaClass> IN_A_FEATURE =
            resideInAPackage("cn.hbce.*..").and(not(resideInAPackage("cn.hbce.common.."))).as("feature code");

    /** A Lambda entry point (an HTTP handler over ApiFunction, the authorizer, a workflow task) or a type nested in one. */
    private static final DescribedPredicate<JavaClass> HANDLER = new DescribedPredicate<>("a handler (web)") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.isAssignableTo(RequestHandler.class);
        }
    };

    /** The adapters of a feature's ports to AWS: everything in a {@code ..adapter..} package. */
    private static final DescribedPredicate<JavaClass> ADAPTER =
            resideInAPackage("..adapter..").as("an adapter (a class of an adapter package)");

    @Test
    void useCasesPortsAndDomainTypesKnowNeitherHttpNorLambdaNorAws() {
        noClasses().that(IN_A_FEATURE.and(not(HANDLER)).and(not(ADAPTER)))
                .should().dependOnClassesThat(resideInAnyPackage(WEB_PACKAGES).or(resideInAnyPackage(LAMBDA_AND_SDK)))
                .because("use cases take a domain Actor and AuditContext and throw cn.hbce.common.domain refusals; "
                        + "only handlers speak HTTP and Lambda, only adapters speak AWS (docs/design.md, Layers)")
                .check(CLASSES);
    }

    @Test
    void onlyHandlersAndTheWebLayerItselfUseCommonHttp() {
        noClasses().that(not(HANDLER).and(not(resideInAnyPackage(WEB_PACKAGES))))
                .should().dependOnClassesThat().resideInAPackage("cn.hbce.common.http..")
                .because("the mapping to status codes, error bodies and user messages is the web layer's alone")
                .check(CLASSES);
    }

    @Test
    void onlyAdaptersTouchTheAwsSdk() {
        noClasses().that(not(ADAPTER).and(not(resideInAnyPackage("cn.hbce.common.aws..", "cn.hbce"))))
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .because("ports are plain interfaces; the classes of the adapter packages and cn.hbce.common.aws implement them")
                .check(CLASSES);
    }

    @Test
    void handlersDoNotTalkToAwsServicesDirectly() {
        noClasses().that(HANDLER)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..")
                .because("a handler parses, calls its use case and shapes the answer")
                .check(CLASSES);
    }

    @Test
    void nothingButTheWiringDependsOnHandlers() {
        noClasses().that(not(HANDLER).and(not(resideInAPackage("cn.hbce"))))
                .should().dependOnClassesThat(assignableTo(RequestHandler.class).and(resideInAPackage("cn.hbce..")))
                .because("handlers are entry points: use cases never call back into the web layer")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("cn.hbce.common..")
                .should().dependOnClassesThat(resideInAPackage("cn.hbce..").and(not(resideInAPackage("cn.hbce.common.."))))
                .because("shared code is shared by every feature, so it can know none of them")
                .check(CLASSES);
    }

    /** Registration, org registration, NEW_USER admins and the bootstrap all go through PersonCreation. */
    @Test
    void oneWayToCreateAPerson() {
        noClasses().that(not(assignableTo(PersonCreation.class)).and(not(ADAPTER)))
                .should().callMethodWhere(target(owner(assignableTo(AccountRepository.class)))
                        .and(target(nameMatching("claimIdCard|createPerson|releaseIdCard"))))
                .because("claiming the ID number, writing the person and undoing both is PersonCreation's alone "
                        + "(docs/data-model.md, Write order)")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("cn.hbce.(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .because("a cycle between features means neither can change or be tested alone")
                .check(CLASSES);
    }

    @Test
    void awsAdaptersLiveInAdapterPackages() {
        classes().that().haveSimpleNameStartingWith("Dynamo").or().haveSimpleNameStartingWith("Sfn")
                .or().haveSimpleNameStartingWith("S3")
                .should().resideInAnyPackage("..adapter..", "cn.hbce.common.aws..")
                .because("a class named after the AWS service it speaks to is an adapter, and adapters live in "
                        + "their feature's adapter package (docs/design.md, Layers)")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void nothingButTheWiringAndOtherAdaptersDependOnAdapters() {
        noClasses().that(not(ADAPTER).and(not(resideInAnyPackage("cn.hbce", "cn.hbce.common.aws.."))))
                .should().dependOnClassesThat(ADAPTER)
                .because("use cases know their ports only; AppContext chooses the adapter")
                .check(CLASSES);
    }
}
