package cn.hbce.emulator.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRuntimeTest {

    @Test
    void parsesMajorVersion() {
        assertEquals(20, NodeRuntime.majorVersion("v20.11.1"));
        assertEquals(22, NodeRuntime.majorVersion("v22.0.0\n"));
        assertEquals(18, NodeRuntime.majorVersion("18.19.0"));
        assertEquals(-1, NodeRuntime.majorVersion("command not found"));
        assertEquals(-1, NodeRuntime.majorVersion(""));
    }

    @Test
    void missingExecutableGivesInstallHint(@TempDir Path dir) {
        String missing = dir.resolve("no-such-node").toString();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeRuntime.verify(missing));

        assertTrue(e.getMessage().contains("Node.js is required"), e.getMessage());
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }
}
