package cn.hbce.files;

import java.util.Optional;

/**
 * What a client says a file is for when it asks for an upload URL (the contract's {@code purpose}).
 * It is kept with the file for the record; what the file ends up attached to is the owner kind
 * given to {@link FileAttachments#attach}. A new purpose is one more constant here (and in
 * docs/openapi.yaml).
 */
public enum FilePurpose {
    MATERIAL, PLAN, EVIDENCE;

    public static Optional<FilePurpose> parse(String value) {
        for (FilePurpose p : values()) {
            if (p.name().equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
