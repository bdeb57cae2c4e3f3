package dev.poolkeeper.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.poolkeeper.adapters.rest.planted.ControllerCallingAService;
import dev.poolkeeper.application.port.in.planted.UseCaseReachingForARepository;
import dev.poolkeeper.domain.planted.DomainClassUsingTheFramework;
import org.junit.jupiter.api.Test;

/**
 * The rules are not decoration: classes that break them on purpose (in test sources, so production
 * never sees them) make the same rules fail.
 */
class PlantedViolationsTest {

    private static JavaClasses importWithDependencies(Class<?>... planted) {
        return new ClassFileImporter().importPackages("dev.poolkeeper.domain.planted",
                "dev.poolkeeper.application.port.in.planted", "dev.poolkeeper.adapters.rest.planted",
                "dev.poolkeeper.application.service", "dev.poolkeeper.application.port.out");
    }

    @Test
    void aFrameworkImportInTheDomainIsCaught() {
        JavaClasses classes = importWithDependencies(DomainClassUsingTheFramework.class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.CORE_IS_FRAMEWORK_FREE.check(classes));
        assertTrue(e.getMessage().contains("DomainClassUsingTheFramework"), e.getMessage());
        assertThrows(AssertionError.class,
                () -> ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_AND_LIBPHONENUMBER_ONLY.check(classes));
    }

    @Test
    void aUseCaseReachingForAnOutPortIsCaught() {
        JavaClasses classes = importWithDependencies(UseCaseReachingForARepository.class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.PORT_IN_DOES_NOT_KNOW_PORT_OUT.check(classes));
        assertTrue(e.getMessage().contains("UseCaseReachingForARepository"), e.getMessage());
    }

    @Test
    void anAdapterCallingAServiceIsCaught() {
        JavaClasses classes = importWithDependencies(ControllerCallingAService.class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.ADAPTERS_USE_PORTS_NOT_SERVICES.check(classes));
        assertTrue(e.getMessage().contains("ControllerCallingAService"), e.getMessage());
    }

    @Test
    void anOutPortHandingOutAUseCaseIsCaught() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.poolkeeper.application.port.out.planted");
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.PORT_OUT_DOES_NOT_KNOW_PORT_IN.check(classes));
        assertTrue(e.getMessage().contains("OutPortReturningAUseCase"), e.getMessage());
    }

    @Test
    void aProviderSliceUsingAnotherIsCaught() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.poolkeeper.adapters.providers.plantedtelnyx",
                "dev.poolkeeper.adapters.providers.sandbox");
        AssertionError e = assertThrows(AssertionError.class,
                () -> ArchitectureRules.PROVIDER_SLICES_ARE_INDEPENDENT.check(classes));
        assertTrue(e.getMessage().contains("SliceBorrowingAnotherSlice"), e.getMessage());
    }
}
