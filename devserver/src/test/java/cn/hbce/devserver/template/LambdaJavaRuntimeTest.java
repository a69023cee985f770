package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.devserver.DevServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devserver refuses a template that AWS would refuse: a deprecated or unknown Lambda runtime. */
class LambdaJavaRuntimeTest {
    private static final LocalDate AL2_END = LocalDate.of(2026, 6, 30);

    @Test
    void amazonLinux2RuntimesAreRefusedFromTheirDeprecationDayOn() {
        for (String id : new String[] {"java8.al2", "java11", "java17"}) {
            assertEquals(id, LambdaJavaRuntime.requireSupported(id, AL2_END.minusDays(1)).id(), "accepted the day before");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LambdaJavaRuntime.requireSupported(id, AL2_END));
            assertTrue(refused.getMessage().contains(id) && refused.getMessage().contains("java25"), refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> LambdaJavaRuntime.requireSupported("java8", LocalDate.of(2024, 1, 8)));
    }

    @Test
    void amazonLinux2023RuntimesAreAcceptedUntil2029AndUnknownOnesNever() {
        assertEquals(25, LambdaJavaRuntime.requireSupported("java25", AL2_END).javaVersion());
        assertEquals(21, LambdaJavaRuntime.requireSupported("java21", LocalDate.of(2029, 6, 29)).javaVersion());
        assertThrows(IllegalStateException.class, () -> LambdaJavaRuntime.requireSupported("java25", LocalDate.of(2029, 6, 30)));
        assertThrows(IllegalStateException.class, () -> LambdaJavaRuntime.requireSupported("python3.13", AL2_END));
    }

    @Test
    void theDevserverRefusesATemplateWhoseFunctionsOrGlobalsUseADeprecatedRuntime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Globals:
                  Function:
                    Runtime: java25
                Resources:
                  A:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.A::handleRequest}
                  B:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: b.B::handleRequest, Runtime: java17}
                """);
        SamTemplate template = SamTemplate.load(file);
        assertEquals(java.util.Map.of("A", "java25", "B", "java17"), template.runtimes());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DevServer.supportedRuntime(template, LocalDate.of(2026, 11, 30)));
        assertTrue(refused.getMessage().contains("java17"), refused.getMessage());
        assertEquals("java25", DevServer.supportedRuntime(SamTemplate.load(write(dir, "java25")), LocalDate.of(2026, 11, 30)));
    }

    private static Path write(Path dir, String runtime) throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "Globals: {Function: {Runtime: " + runtime + "}}\nResources:\n  A: {Type: AWS::Serverless::Function, Properties: {Handler: a.A::handleRequest}}\n");
        return file;
    }
}
