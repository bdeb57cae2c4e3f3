package dev.poolkeeper.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The fences of docs/architecture.md as rules. The module graph (Maven) is the first fence; these
 * rules are the second, and also hold inside a module.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final ArchRule ONION = onionArchitecture()
            .domainModels("dev.poolkeeper.domain.account..", "dev.poolkeeper.domain.pool..",
                    "dev.poolkeeper.domain.number..", "dev.poolkeeper.domain.optout..",
                    "dev.poolkeeper.domain.message..", "dev.poolkeeper.domain.provider..",
                    "dev.poolkeeper.domain.selection..", "dev.poolkeeper.domain.canary..",
                    "dev.poolkeeper.domain.event..",
                    "dev.poolkeeper.domain.shared..")
            .domainServices("dev.poolkeeper.domain.sync..")
            .applicationServices("dev.poolkeeper.application..")
            .adapter("rest", "dev.poolkeeper.adapters.rest..")
            .adapter("persistence", "dev.poolkeeper.adapters.persistence..")
            .adapter("providers", "dev.poolkeeper.adapters.providers..")
            .adapter("web", "dev.poolkeeper.adapters.web..")
            .withOptionalLayers(false)
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.poolkeeper.bootstrap.."),
                    DescribedPredicate.alwaysTrue())
            .because("bootstrap is the composition root: it alone sees every module");

    static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAnyPackage("dev.poolkeeper.domain..", "dev.poolkeeper.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax..",
                    "com.fasterxml..", "software.amazon..", "com.mysql..", "java.sql..", "org.slf4j..")
            .because("the domain and the use cases run without a framework, a database or a vendor SDK");

    static final ArchRule DOMAIN_DEPENDS_ON_JDK_AND_LIBPHONENUMBER_ONLY = classes()
            .that().resideInAPackage("dev.poolkeeper.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.google.i18n.phonenumbers..",
                    "dev.poolkeeper.domain..");

    static final ArchRule PORT_IN_DOES_NOT_KNOW_PORT_OUT = noClasses()
            .that().resideInAPackage("dev.poolkeeper.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.poolkeeper.application.port.out..");

    static final ArchRule PORT_OUT_DOES_NOT_KNOW_PORT_IN = noClasses()
            .that().resideInAPackage("dev.poolkeeper.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("dev.poolkeeper.application.port.in..")
            .because("what the core asks of the world and what the world asks of the core meet only in services");

    /** Each provider is one package; they share only the HTTP and webhook helpers and the slice base classes. */
    static final ArchRule PROVIDER_SLICES_ARE_INDEPENDENT = slices()
            .matching("dev.poolkeeper.adapters.providers.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAnyPackage(
                    "dev.poolkeeper.adapters.providers.http..", "dev.poolkeeper.adapters.providers.webhook.."))
            .because("adding a provider is adding one package");

    static final ArchRule ADAPTERS_USE_PORTS_NOT_SERVICES = noClasses()
            .that().resideInAPackage("dev.poolkeeper.adapters..")
            .should().dependOnClassesThat().resideInAPackage("dev.poolkeeper.application.service..")
            .because("adapters call use cases through port.in interfaces; only bootstrap wires services");

    static final ArchRule NO_CYCLES_BETWEEN_MODULES = slices().matching("dev.poolkeeper.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule NO_CYCLES_IN_THE_DOMAIN = slices().matching("dev.poolkeeper.domain.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("dev.poolkeeper.adapters.(*)..")
            .should().notDependOnEachOther();

    static final ArchRule USE_CASES_ARE_INTERFACES_NAMED_USE_CASE = classes()
            .that().resideInAPackage("dev.poolkeeper.application.port.in..").and().areInterfaces()
            .should().haveSimpleNameEndingWith("UseCase");

    static final ArchRule SERVICES_IMPLEMENT_USE_CASES_AND_ARE_NAMED_SERVICE = classes()
            .that().resideInAPackage("dev.poolkeeper.application.service..")
            .and().implement(useCase())
            .should().haveSimpleNameEndingWith("Service");

    static final ArchRule SERVICES_DO_NOT_CALL_OTHER_SERVICES = classes()
            .that().resideInAPackage("dev.poolkeeper.application.service..")
            .should(notDependOnAnotherService());

    static final ArchRule CONTROLLERS_ARE_NAMED_CONTROLLER = classes()
            .that().areAnnotatedWith("io.micronaut.http.annotation.Controller")
            .should().haveSimpleNameEndingWith("Controller")
            .andShould().resideInAnyPackage("dev.poolkeeper.adapters.rest..", "dev.poolkeeper.adapters.web..",
                    "dev.poolkeeper.bootstrap..");

    static final ArchRule MAPPED_ENTITIES_ONLY_IN_PERSISTENCE = classes()
            .that().areAnnotatedWith("io.micronaut.data.annotation.MappedEntity")
            .should().resideInAPackage("dev.poolkeeper.adapters.persistence..");

    static final ArchRule SERDEABLE_ONLY_IN_ADAPTERS = classes()
            .that().areAnnotatedWith("io.micronaut.serde.annotation.Serdeable")
            .should().resideInAPackage("dev.poolkeeper.adapters..");

    static final ArchRule PERSISTENCE_ADAPTERS_ARE_NAMED_FOR_WHAT_THEY_ARE = classes()
            .that().resideInAPackage("dev.poolkeeper.adapters.persistence..")
            .and().implement(outPort())
            .should().haveSimpleNameEndingWith("PersistenceAdapter")
            .orShould().haveSimpleNameEndingWith("TransactionRunner");

    private static DescribedPredicate<JavaClass> useCase() {
        return DescribedPredicate.describe("a use case of port.in", c ->
                c.getPackageName().startsWith("dev.poolkeeper.application.port.in") && c.isInterface());
    }

    private static DescribedPredicate<JavaClass> outPort() {
        return DescribedPredicate.describe("an out-port", c ->
                c.getPackageName().startsWith("dev.poolkeeper.application.port.out") && c.isInterface());
    }

    private static ArchCondition<JavaClass> notDependOnAnotherService() {
        return new ArchCondition<>("not depend on another use case's service") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                for (Dependency d : service.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    boolean otherService = !target.equals(service)
                            && target.getPackageName().startsWith("dev.poolkeeper.application.service")
                            && target.getAllRawInterfaces().stream().anyMatch(useCase());
                    if (otherService) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
