package cn.hbce.devserver.isolation;

import cn.hbce.devserver.DevServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A copy of template.yaml with one edit inside one resource, written beside a copy of its state machine definitions. */
final class TemplateCopy {
    private TemplateCopy() {
    }

    /** The resource's block: its header line and the lines indented deeper (or blank) below it. */
    private static String editBlock(String text, String logicalId, String from, String to) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            String header = lines.get(i);
            if (header.strip().equals(logicalId + ":")) {
                int indent = header.indexOf(logicalId);
                int end = i + 1;
                while (end < lines.size() && (lines.get(end).isBlank()
                        || lines.get(end).length() - lines.get(end).stripLeading().length() > indent)) {
                    end++;
                }
                String block = String.join("\n", lines.subList(i, end)) + "\n";
                if (block.contains(from)) {
                    String before = String.join("\n", lines.subList(0, i));
                    String after = String.join("\n", lines.subList(end, lines.size()));
                    return (before.isEmpty() ? "" : before + "\n") + block.replace(from, to) + after;
                }
            }
        }
        throw new IllegalStateException(logicalId + " does not contain " + from + " in template.yaml");
    }

    /** Replaces {@code from} by {@code to} in the resource {@code logicalId} (or in Globals); returns the copy's path. */
    static Path edited(String logicalId, String from, String to) {
        try {
            Path root = DevServerConfig.ephemeral().projectRoot();
            String text = Files.readString(root.resolve("template.yaml"), StandardCharsets.UTF_8);
            String edited = editBlock(text, logicalId, from, to);
            Path dir = Files.createTempDirectory("hbce-template-");
            Files.writeString(dir.resolve("template.yaml"), edited, StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("statemachines"));
            try (Stream<Path> files = Files.list(root.resolve("statemachines"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve("statemachines").resolve(f.getFileName()));
                }
            }
            return dir.resolve("template.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
