package cn.hbce.emulator.sfn.persistence;

import cn.hbce.emulator.sfn.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One JSON file per state machine and per execution under a data directory, each replaced
 * atomically so a crash leaves either the old or the new version.
 */
public final class DataDirectory {

    private final Path stateMachines;
    private final Path executions;

    public DataDirectory(Path root) {
        this.stateMachines = root.resolve("state-machines");
        this.executions = root.resolve("executions");
        try {
            Files.createDirectories(stateMachines);
            Files.createDirectories(executions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root, e);
        }
    }

    public void saveStateMachine(String arn, ObjectNode document) {
        write(stateMachines.resolve(fileName(arn)), document);
    }

    public void deleteStateMachine(String arn) {
        delete(stateMachines.resolve(fileName(arn)));
    }

    public List<JsonNode> loadStateMachines() {
        return readAll(stateMachines);
    }

    public void saveExecution(String arn, ObjectNode document) {
        write(executions.resolve(fileName(arn)), document);
    }

    public void deleteExecution(String arn) {
        delete(executions.resolve(fileName(arn)));
    }

    public List<JsonNode> loadExecutions() {
        return readAll(executions);
    }

    private static void write(Path target, ObjectNode document) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp-" + Thread.currentThread().getId());
        try {
            Files.write(temporary, Json.write(document).getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private static List<JsonNode> readAll(Path directory) {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                documents.add(Json.MAPPER.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
        return documents;
    }

    private static String fileName(String arn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
