package cn.hbce.emulator.sfn.api;

import cn.hbce.emulator.sfn.definition.DefinitionParser;
import cn.hbce.emulator.sfn.definition.InvalidDefinitionException;
import cn.hbce.emulator.sfn.definition.StateMachineDefinition;
import cn.hbce.emulator.sfn.errors.ServiceError;
import cn.hbce.emulator.sfn.json.Json;
import cn.hbce.emulator.sfn.persistence.DataDirectory;
import cn.hbce.emulator.sfn.tasks.TaskResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The state machines of the service, saved to the data directory when there is one. */
public final class StateMachineRegistry {

    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Optional<DataDirectory> dataDirectory;

    public StateMachineRegistry(Optional<DataDirectory> dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Parses and validates a definition; problems become an InvalidDefinition error. */
    public static StateMachineDefinition parse(String definition) {
        try {
            return DefinitionParser.parse(definition, TaskResource::problemWith);
        } catch (InvalidDefinitionException e) {
            throw new ServiceError("InvalidDefinition", e.getMessage());
        }
    }

    public synchronized StateMachine create(String arn, String name, String type, String roleArn, String definition,
            Instant now) {
        StateMachineDefinition parsed = parse(definition);
        StateMachine existing = machines.get(arn);
        if (existing != null) {
            if (existing.definitionText().equals(definition) && existing.roleArn().equals(roleArn)
                    && existing.type().equals(type)) {
                return existing;
            }
            throw new ServiceError("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        StateMachine machine = new StateMachine(arn, name, type, roleArn, definition, parsed, now,
                UUID.randomUUID().toString());
        put(machine);
        return machine;
    }

    public synchronized StateMachine update(String arn, String definition, String roleArn) {
        StateMachine current = get(arn);
        String newDefinition = definition == null ? current.definitionText() : definition;
        StateMachine updated = new StateMachine(arn, current.name(), current.type(),
                roleArn == null ? current.roleArn() : roleArn, newDefinition,
                definition == null ? current.definition() : parse(definition), current.creationDate(),
                UUID.randomUUID().toString());
        put(updated);
        return updated;
    }

    public synchronized void delete(String arn) {
        if (machines.remove(arn) != null) {
            dataDirectory.ifPresent(d -> d.deleteStateMachine(arn));
        }
    }

    public StateMachine get(String arn) {
        Arns.checkStateMachineArn(arn);
        StateMachine machine = machines.get(arn);
        if (machine == null) {
            throw new ServiceError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    public Optional<StateMachine> find(String arn) {
        return Optional.ofNullable(machines.get(arn));
    }

    public List<StateMachine> list() {
        return machines.values().stream().sorted(Comparator.comparing(StateMachine::name)).toList();
    }

    public void load() {
        dataDirectory.ifPresent(directory -> {
            for (JsonNode node : directory.loadStateMachines()) {
                String definition = node.get("definition").asText();
                StateMachine machine = new StateMachine(node.get("stateMachineArn").asText(), node.get("name").asText(),
                        node.get("type").asText(), node.get("roleArn").asText(), definition, parse(definition),
                        Instant.parse(node.get("creationDate").asText()), node.path("revisionId").asText(null));
                machines.put(machine.arn(), machine);
            }
        });
    }

    private void put(StateMachine machine) {
        machines.put(machine.arn(), machine);
        dataDirectory.ifPresent(directory -> {
            ObjectNode node = Json.object();
            node.put("stateMachineArn", machine.arn());
            node.put("name", machine.name());
            node.put("type", machine.type());
            node.put("roleArn", machine.roleArn());
            node.put("definition", machine.definitionText());
            node.put("creationDate", machine.creationDate().toString());
            node.put("revisionId", machine.revisionId());
            directory.saveStateMachine(machine.arn(), node);
        });
    }
}
