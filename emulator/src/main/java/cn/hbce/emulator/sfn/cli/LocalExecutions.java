package cn.hbce.emulator.sfn.cli;

import cn.hbce.emulator.sfn.api.Arns;
import cn.hbce.emulator.sfn.api.StateMachineRegistry;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.interpreter.Execution;
import cn.hbce.emulator.sfn.interpreter.ExecutionEngine;
import cn.hbce.emulator.sfn.interpreter.History;
import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.UUID;

/** Starts executions of one definition directly on an engine, without the HTTP API. */
public final class LocalExecutions {

    private static final String ROLE = "arn:aws:iam::000000000000:role/local";

    private final ExecutionEngine engine;
    private final String definitionText;
    private final StateMachineDefinition definition;
    private final Arns arns;
    private final String machineName;

    /** @throws cn.hbce.emulator.sfn.errors.ServiceError (InvalidDefinition) for a bad definition */
    public LocalExecutions(ExecutionEngine engine, String definitionText, String machineName, String region) {
        this.engine = engine;
        this.definitionText = definitionText;
        this.definition = StateMachineRegistry.parse(definitionText);
        this.arns = new Arns(region, "000000000000");
        this.machineName = machineName;
    }

    public Execution start(String inputText) throws JsonProcessingException {
        String name = UUID.randomUUID().toString();
        Execution execution = new Execution(arns.execution(machineName, name), name, arns.stateMachine(machineName),
                machineName, ROLE, definitionText, definition, Json.parse(inputText), inputText, engine.now(),
                new History(engine.scheduler().clock(), List.of()));
        engine.start(execution);
        return execution;
    }
}
