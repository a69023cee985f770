package cn.hbce.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the platform accepts (security.md "Input and files"): the content type a client
 * declares, the file-name extensions that go with it, and the first bytes every such file starts
 * with. The magic bytes are what {@code complete} checks, so a PNG renamed to .pdf, or an
 * executable declared as a PDF, is refused before anyone can attach or download it. DOC and XLS
 * are OLE2 compound files and DOCX and XLSX are ZIP packages: the first bytes tell the family, not
 * which member of it, which is as far as a check without parsing the file goes.
 */
public enum FileType {
    PDF("application/pdf", List.of("pdf"), bytes("%PDF-")),
    DOC("application/msword", List.of("doc"), Magic.OLE2),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), Magic.ZIP),
    XLS("application/vnd.ms-excel", List.of("xls"), Magic.OLE2),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), Magic.ZIP),
    JPG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** How many leading bytes {@link #matches} needs at most (the ranged GET of {@code complete}). */
    public static final int MAGIC_BYTES = 8;

    private final String contentType;
    private final List<String> extensions;
    private final byte[] magic;

    FileType(String contentType, List<String> extensions, byte[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** The type of a declared content type (exact, case-insensitive, no parameters); empty when not allowed. */
    public static Optional<FileType> ofContentType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String wanted = declared.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.contentType.equals(wanted)).findFirst();
    }

    /** Whether the file name ends in one of this type's extensions (so a saved download opens in the right program). */
    public boolean fitsName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether a file's first bytes are this type's signature. */
    public boolean matches(byte[] head) {
        if (head == null || head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final class Magic {
        static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    }
}
