package org.edurecords.ncp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Vetoed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.emrex2.client.Emrex2Http;
import org.junit.jupiter.api.Test;

/**
 * A bean of a normal scope is reached through its client proxy, a subclass whose constructor runs the bean's
 * constructor and field initialisers as well. What those build is built twice, the first time for an object that
 * is never used: a compiled schema, an HTTP client with its selector thread, a JSON mapper that scans for modules.
 * Such beans build them after injection (ADR 0881).
 */
class BeanConstructionTest {

    private static final String BASE = "org.edurecords.ncp";

    /** Owner and name of what a normal-scoped bean's constructor must not call ({@code <init>}: a constructor). */
    private static final Set<String> EXPENSIVE = Set.of(
            ElmoSchemaValidator.class.getName() + "#<init>",
            Emrex2Http.class.getName() + "#<init>",
            HttpClient.class.getName() + "#newBuilder",
            HttpClient.class.getName() + "#newHttpClient",
            JsonMapper.class.getName() + "#builder",
            ObjectMapper.class.getName() + "#<init>",
            "javax.xml.validation.SchemaFactory#newSchema",
            "jakarta.xml.bind.JAXBContext#newInstance");

    private static ArchRule buildNothingExpensive() {
        return constructors().that().areDeclaredInClassesThat().areAnnotatedWith(ApplicationScoped.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(RequestScoped.class)
                .should(new ArchCondition<JavaConstructor>("build no schema, HTTP client or JSON mapper") {
                    @Override
                    public void check(JavaConstructor constructor, ConditionEvents events) {
                        for (JavaCall<?> call : constructor.getCallsFromSelf()) {
                            String target = call.getTargetOwner().getName() + "#" + call.getName();
                            if (EXPENSIVE.contains(target)) {
                                events.add(SimpleConditionEvent.violated(constructor,
                                        constructor.getOwner().getName() + " builds " + target + " when constructed "
                                                + call.getSourceCodeLocation()));
                            }
                        }
                    }
                });
    }

    @Test
    void normalScopedBeansBuildNothingExpensiveWhenConstructed() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
        long beans = production.stream().filter(c -> c.isAnnotatedWith(ApplicationScoped.class)).count();
        assertTrue(beans > 50, "the rule sees the application's beans: " + beans);
        buildNothingExpensive().check(production);
    }

    @Test
    void theRuleFindsAMapperBuiltInAFieldInitialiser() {
        JavaClasses fixture = new ClassFileImporter().importClasses(BeanWithMapperInField.class);
        AssertionError failure = assertThrows(AssertionError.class, () -> buildNothingExpensive().check(fixture));
        String expected = BeanWithMapperInField.class.getName() + " builds " + JsonMapper.class.getName() + "#builder";
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }

    /** Not a bean of the application ({@link Vetoed}): only the rule's own check reads it. */
    @Vetoed
    @ApplicationScoped
    static class BeanWithMapperInField {
        final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    }
}
