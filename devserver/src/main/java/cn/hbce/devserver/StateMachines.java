package cn.hbce.devserver;

import cn.hbce.devserver.template.Intrinsics;
import cn.hbce.devserver.template.SamTemplate;
import cn.hbce.emulator.sfn.StepFunctionsLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the template's state machines on the local Step Functions, as SAM would deploy them. */
public final class StateMachines {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private StateMachines() {
    }

    static void deployAll(SamTemplate template, Intrinsics intrinsics, StepFunctionsLocal sfn) {
        for (SamTemplate.StateMachineDef def : template.stateMachines()) {
            sfn.deployStateMachine(def.name(intrinsics), definition(template, def, intrinsics),
                    "arn:aws:iam::" + LocalServices.ACCOUNT + ":role/" + def.logicalId() + "Role");
        }
    }

    /** The definition file with DefinitionSubstitutions applied; an unknown ${name} is an error. */
    public static String definition(SamTemplate template, SamTemplate.StateMachineDef def, Intrinsics intrinsics) {
        String raw;
        try {
            raw = Files.readString(template.directory().resolve(def.definitionUri()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + def.definitionUri() + " of " + def.logicalId(), e);
        }
        Map<String, Object> substitutions = def.substitutions();
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!substitutions.containsKey(name)) {
                throw new IllegalStateException(def.logicalId() + ": ${" + name + "} has no DefinitionSubstitution");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(intrinsics.string(substitutions.get(name))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
