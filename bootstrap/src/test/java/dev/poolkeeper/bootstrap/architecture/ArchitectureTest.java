package dev.poolkeeper.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule against the production classes of all modules (tests are not imported). */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.poolkeeper");
        if (production.size() < 100) {
            throw new IllegalStateException("only " + production.size() + " classes imported: the rules would pass vacuously");
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("onion architecture", ArchitectureRules.ONION),
                Arguments.of("core is framework-free", ArchitectureRules.CORE_IS_FRAMEWORK_FREE),
                Arguments.of("domain depends on JDK and libphonenumber only",
                        ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_AND_LIBPHONENUMBER_ONLY),
                Arguments.of("port.in does not know port.out", ArchitectureRules.PORT_IN_DOES_NOT_KNOW_PORT_OUT),
                Arguments.of("port.out does not know port.in", ArchitectureRules.PORT_OUT_DOES_NOT_KNOW_PORT_IN),
                Arguments.of("provider slices are independent", ArchitectureRules.PROVIDER_SLICES_ARE_INDEPENDENT),
                Arguments.of("adapters use ports, not services", ArchitectureRules.ADAPTERS_USE_PORTS_NOT_SERVICES),
                Arguments.of("no cycles between modules", ArchitectureRules.NO_CYCLES_BETWEEN_MODULES),
                Arguments.of("no cycles in the domain", ArchitectureRules.NO_CYCLES_IN_THE_DOMAIN),
                Arguments.of("adapters are independent", ArchitectureRules.ADAPTERS_ARE_INDEPENDENT),
                Arguments.of("use cases are interfaces named UseCase",
                        ArchitectureRules.USE_CASES_ARE_INTERFACES_NAMED_USE_CASE),
                Arguments.of("services implement use cases and are named Service",
                        ArchitectureRules.SERVICES_IMPLEMENT_USE_CASES_AND_ARE_NAMED_SERVICE),
                Arguments.of("services do not call other services",
                        ArchitectureRules.SERVICES_DO_NOT_CALL_OTHER_SERVICES),
                Arguments.of("controllers are named Controller", ArchitectureRules.CONTROLLERS_ARE_NAMED_CONTROLLER),
                Arguments.of("@MappedEntity only in persistence", ArchitectureRules.MAPPED_ENTITIES_ONLY_IN_PERSISTENCE),
                Arguments.of("@Serdeable only in adapters", ArchitectureRules.SERDEABLE_ONLY_IN_ADAPTERS),
                Arguments.of("persistence adapters are named PersistenceAdapter",
                        ArchitectureRules.PERSISTENCE_ADAPTERS_ARE_NAMED_FOR_WHAT_THEY_ARE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theProductionCodeKeepsTheRule(String name, ArchRule rule) {
        rule.check(production);
    }
}
