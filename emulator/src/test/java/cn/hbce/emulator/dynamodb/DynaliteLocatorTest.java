package cn.hbce.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteLocatorTest {

    @TempDir
    Path root;

    @Test
    void systemPropertyWinsOverEnvironment() throws IOException {
        Path fromProperty = installDynalite(root.resolve("a"));
        installDynalite(root.resolve("b"));

        Path cli = DynaliteLocator.locateCli(Optional.of(root.resolve("a").toString()),
                Optional.of(root.resolve("b").toString()), root);

        assertEquals(fromProperty, cli);
    }

    @Test
    void environmentIsUsedWhenPropertyIsBlank() throws IOException {
        Path fromEnv = installDynalite(root.resolve("b"));

        Path cli = DynaliteLocator.locateCli(Optional.of(" "), Optional.of(root.resolve("b").toString()), root);

        assertEquals(fromEnv, cli);
    }

    @Test
    void explicitHomeWithoutDynaliteFailsInsteadOfSearching() throws IOException {
        installDynalite(root.resolve("emulator"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DynaliteLocator.locateCli(Optional.of(root.resolve("empty").toString()), Optional.empty(), root));

        assertTrue(e.getMessage().contains("dynalite is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn"), e.getMessage());
    }

    @Test
    void findsEmulatorModuleFromRepositoryRootOrSiblingModule() throws IOException {
        Path cli = installDynalite(root.resolve("emulator"));
        Path siblingModule = Files.createDirectories(root.resolve("devserver").resolve("target"));

        assertEquals(cli, DynaliteLocator.locateCli(Optional.empty(), Optional.empty(), root));
        assertEquals(cli, DynaliteLocator.locateCli(Optional.empty(), Optional.empty(), siblingModule));
    }

    @Test
    void findsNodeModulesInsideTheEmulatorModule() throws IOException {
        Path cli = installDynalite(root.resolve("emulator"));
        Path insideModule = Files.createDirectories(root.resolve("emulator").resolve("src"));

        assertEquals(cli, DynaliteLocator.locateCli(Optional.empty(), Optional.empty(), insideModule));
    }

    @Test
    void reportsHowToInstallWhenNothingIsFound() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DynaliteLocator.locateCli(Optional.empty(), Optional.empty(), root));

        assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
        assertTrue(e.getMessage().contains(DynaliteLocator.HOME_PROPERTY), e.getMessage());
    }

    private static Path installDynalite(Path home) throws IOException {
        Path dir = Files.createDirectories(home.resolve("node_modules").resolve("dynalite"));
        return Files.writeString(dir.resolve("cli.js"), "// stub\n").toAbsolutePath().normalize();
    }
}
