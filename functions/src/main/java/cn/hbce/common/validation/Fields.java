package cn.hbce.common.validation;

import cn.hbce.common.domain.Invalid;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request so the 400 names them all at once. */
public final class Fields {
    private final List<String> invalid = new ArrayList<>();

    /**
     * A required text of at most {@code max} characters, stripped of any Unicode white space (also
     * 全角空格) and free of hidden characters ({@link Texts#hasHiddenCharacters}); null when invalid.
     */
    public String text(String name, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max || Texts.hasHiddenCharacters(stripped)) {
            invalid.add(name);
            return null;
        }
        return stripped;
    }

    /** An optional text; empty becomes null. */
    public String optionalText(String name, String value, int max) {
        if (value == null || value.strip().isEmpty()) {
            return null;
        }
        return text(name, value, max);
    }

    public void require(String name, boolean ok) {
        if (!ok) {
            invalid.add(name);
        }
    }


    public void throwIfInvalid() {
        if (!invalid.isEmpty()) {
            throw Invalid.fields(invalid);
        }
    }
}
