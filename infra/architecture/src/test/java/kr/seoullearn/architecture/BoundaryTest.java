package kr.seoullearn.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layout of docs/architecture.md as rules over the compiled main classes of shared and of
 * every function: plain domains, ports without adapters, no context reaching into another's
 * adapters, and functions that reach DynamoDB only through the contexts' ports and factories.
 */
class BoundaryTest {
    static final String[] CONTEXTS = {"audit", "rules", "registration", "catalog", "enrolment", "figures", "laptops", "mentoring", "recruitment", "reminders", "notifications", "privacy"};

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // the compiled main classes of shared and every function (the modules this one depends
        // on, so the reactor has built them); reading directories is far faster than scanning
        // every jar of the class path for the package
        Path root = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        List<Path> locations = new ArrayList<>(List.of(root.resolve("shared/target/classes"), root.resolve("shared/cognito/target/classes")));
        try (Stream<Path> functions = Files.list(root.resolve("functions"))) {
            functions.map(f -> f.resolve("target/classes")).filter(Files::isDirectory).sorted().forEach(locations::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(locations);
    }

    static String[] adapterPackages() {
        return Stream.of(CONTEXTS).flatMap(c -> Stream.of("kr.seoullearn." + c + ".dynamo..", "kr.seoullearn." + c + ".local.."))
                .toArray(String[]::new);
    }

    @Test
    void the_classes_of_shared_and_the_functions_were_found() {
        // a rule over nothing passes: make sure the import saw the layout
        for (String context : CONTEXTS) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("kr.seoullearn." + context + ".domain")))
                    .as("classes of %s.domain", context).isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("kr.seoullearn.functions.")))
                .as("function classes").isTrue();
    }

    @Test
    void domains_are_plain_java() {
        ArchRule rule = noClasses().that().resideInAPackage("kr.seoullearn.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.micronaut..",
                        "kr.seoullearn.platform.dynamo..", "kr.seoullearn.platform.aws..", "kr.seoullearn.functions..")
                .orShould().dependOnClassesThat().resideInAnyPackage(adapterPackages())
                .orShould().dependOnClassesThat().haveNameMatching("kr\\.seoullearn\\.platform\\.http\\.Api(Function|Request|Responses)(\\$.*)?")
                .because("rules live in plain Java with no AWS, HTTP or storage types (docs/architecture.md)");
        rule.check(classes);
    }

    @Test
    void ports_name_no_adapter_and_no_aws_type() {
        ArchRule rule = noClasses().that().resideInAPackage("kr.seoullearn.*.port..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "kr.seoullearn.functions..")
                .orShould().dependOnClassesThat().resideInAnyPackage(adapterPackages())
                .because("a port says what a context needs, not how an adapter does it");
        rule.check(classes);
    }

    @TestFactory
    Stream<DynamicTest> no_context_reaches_into_another_contexts_adapters() {
        return Arrays.stream(CONTEXTS).map(context -> DynamicTest.dynamicTest(context, () -> {
            ArchRule rule = noClasses().that().resideOutsideOfPackage("kr.seoullearn." + context + "..")
                    .should().dependOnClassesThat(resideInAnyPackage("kr.seoullearn." + context + ".dynamo..", "kr.seoullearn." + context + ".local..")
                            .and(not(simpleNameEndingWith("Storage"))))
                    .because("other code uses " + context + " through its ports, wired by its factory (" + context + "/dynamo/*Storage)");
            rule.check(classes);
        }));
    }

    @Test
    void functions_reach_dynamodb_only_through_ports() {
        ArchRule rule = noClasses().that().resideInAPackage("kr.seoullearn.functions..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(assignableTo("software.amazon.awssdk.services.dynamodb.DynamoDbClient"))))
                .because("handlers and services use the contexts' ports; only adapters in shared talk to DynamoDB");
        rule.check(classes);
    }
}
