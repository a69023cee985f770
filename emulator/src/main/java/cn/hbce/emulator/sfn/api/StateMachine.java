package cn.hbce.emulator.sfn.api;

import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import java.time.Instant;

/** A created state machine; updates replace the record. */
public record StateMachine(
        String arn,
        String name,
        String type,
        String roleArn,
        String definitionText,
        StateMachineDefinition definition,
        Instant creationDate,
        String revisionId) {
}
