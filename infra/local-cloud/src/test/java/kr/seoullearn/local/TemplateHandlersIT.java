package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function the template declares — and so every route — resolves to a handler class in
 * the function's deployable jar, with the method the template names, taking (event, Context).
 */
class TemplateHandlersIT {

    @TestFactory
    Stream<DynamicTest> everyFunctionsHandlerExistsInItsJar() throws Exception {
        Path root = TestStack.repositoryRoot();
        Template template = Template.load(root.resolve("template.yaml"));
        assertThat(template.functions()).isNotEmpty();
        return template.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId() + " → " + f.handler(), () -> {
            Path target = root.resolve(f.codeUri()).resolve("target");
            Path jar;
            try (var files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                        .orElseThrow(() -> new AssertionError("no deployable jar in " + target));
            }
            String[] handler = f.handler().split("::");
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
                Class<?> type = Class.forName(handler[0], false, loader);
                Class<?> requestHandler = Class.forName(RequestHandler.class.getName(), false, loader);
                assertThat(requestHandler.isAssignableFrom(type)).as(f.handler() + " implements RequestHandler").isTrue();
                Class<?> context = Class.forName(Context.class.getName(), false, loader);
                Method[] methods = Arrays.stream(type.getMethods())
                        .filter(m -> m.getName().equals(handler[1]) && m.getParameterCount() == 2
                                && m.getParameterTypes()[1] == context)
                        .toArray(Method[]::new);
                assertThat(methods).as(f.handler() + " has " + handler[1] + "(event, Context)").isNotEmpty();
                type.getDeclaredConstructor(); // the runtime needs a no-arg constructor
            }
            for (Template.Route route : f.routes()) {
                assertThat(route.functionId()).isEqualTo(f.logicalId());
            }
        }));
    }
}
