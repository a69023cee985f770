package cn.hbce.devserver.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.hbce.devserver.DevServerConfig;
import cn.hbce.devserver.StateMachines;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs AWS's CloudFormation linter (cfn-lint, which transforms the SAM template first) over
 * template.yaml and over each state machine definition, with the repository's .cfnlintrc.yaml:
 * any error or warning not ignored there fails the build. Without cfn-lint on the PATH the check is
 * skipped with a note on how to install it, except in CI ({@code CI=true}), where .ci/run installs
 * it and a missing linter is a failure.
 */
class CfnLintTest {
    private static final Path ROOT = DevServerConfig.ephemeral().projectRoot();
    private static final String INSTALL = "pip install 'cfn-lint==1.51.*'";

    @Test
    void theTemplateAndTheStateMachinesPassCfnLint(@TempDir Path dir) throws Exception {
        Path linter = cfnLint();
        List<String> command = new ArrayList<>(List.of(linter.toString(), "--format", "parseable", "--", "template.yaml"));
        command.addAll(stateMachineTemplates(dir));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cfn-lint did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals("", output, "cfn-lint findings (fix them, or ignore one in .cfnlintrc.yaml with a reason)");
        assertEquals(0, process.exitValue(), "cfn-lint exit status");
    }

    /**
     * Each *.asl.json of the template as an AWS::StepFunctions::StateMachine with an inline
     * Definition, which cfn-lint checks against the States Language schema (E3601). The
     * substitutions get well-formed stand-in ARNs.
     */
    private static List<String> stateMachineTemplates(Path dir) throws Exception {
        SamTemplate template = SamTemplate.load(ROOT.resolve("template.yaml"));
        Intrinsics standIns = new Intrinsics(name -> name.equals("AWS::Partition") ? "aws"
                : "arn:aws:lambda:ap-east-1:123456789012:function:" + name.replace(".Alias", ":live"), template.conditions());
        ObjectMapper json = new ObjectMapper();
        List<String> files = new ArrayList<>();
        for (SamTemplate.StateMachineDef def : template.stateMachines()) {
            ObjectNode cfn = json.createObjectNode();
            cfn.put("AWSTemplateFormatVersion", "2010-09-09");
            ObjectNode properties = cfn.putObject("Resources").putObject(def.logicalId());
            properties.put("Type", "AWS::StepFunctions::StateMachine");
            ObjectNode props = properties.putObject("Properties");
            props.put("RoleArn", "arn:aws:iam::123456789012:role/approval");
            props.set("Definition", json.readTree(StateMachines.definition(template, def, standIns)));
            Path file = dir.resolve(def.logicalId() + ".cfn.json");
            Files.writeString(file, json.writeValueAsString(cfn));
            files.add(file.toString());
        }
        return files;
    }

    private static Path cfnLint() {
        Optional<Path> found = onPath("cfn-lint");
        if (found.isEmpty()) {
            String message = "cfn-lint is not installed, so template.yaml was not linted. Install it with " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (.ci/run does this)");
            }
            System.err.println("[cfn-lint] " + message);
            Assumptions.abort(message);
        }
        return found.get();
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
