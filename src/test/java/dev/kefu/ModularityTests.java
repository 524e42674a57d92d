package dev.kefu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.transaction.event.TransactionalEventListener;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(KefuApplication.class);

	@Test
	void modulesOnlyTalkThroughTheirApis() {
		modules.verify();
	}

	/**
	 * Spring Modulith records every {@code @TransactionalEventListener} and marks it done on a second connection
	 * while the committing thread still holds its first: 200 chats opening at once starved the pool that way. Durable
	 * listeners are {@code @ApplicationModuleListener}s (they run on threads of their own); best-effort after-commit
	 * work goes through {@code AfterCommit}.
	 */
	@Test
	void noPlainTransactionalEventListeners() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.kefu");
		noMethods().should()
			.beAnnotatedWith(TransactionalEventListener.class)
			.because("it holds two connections per committing thread; use @ApplicationModuleListener or AfterCommit")
			.check(classes);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
