package cn.hbce.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Domain and use-case code stays free of AWS types: only handlers (*Function), the adapters named
 * after their service (Dynamo*, Sfn*), the Lambda adapter and the client factory touch the SDK or
 * the Lambda runtime.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.hbce")
            .that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("cn.hbce.emulator..")));

    @Test
    void domainCodeImportsNoAwsTypes() {
        ArchRule rule = noClasses()
                .that().haveSimpleNameNotEndingWith("Function")
                .and().haveNameNotMatching(".*Function\\$.*")
                .and().haveSimpleNameNotStartingWith("Dynamo")
                .and().haveSimpleNameNotStartingWith("Sfn")
                .and().resideOutsideOfPackages("cn.hbce.common.aws..", "cn.hbce.common.lambda..")
                .and().doNotHaveFullyQualifiedName("cn.hbce.AppContext")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..");
        rule.check(CLASSES);
    }

    @Test
    void handlersDoNotTalkToDynamoDbDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Function")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnHandlers() {
        noClasses().that().haveSimpleNameNotEndingWith("Function")
                .and().haveNameNotMatching(".*Function\\$.*")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("cn.hbce..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Function")))
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
