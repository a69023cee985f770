package cn.hbce.common.validation;

import java.text.Normalizer;
import java.util.Locale;

/** Rules every user-entered text follows, in one place. */
public final class Texts {

    private Texts() {
    }

    /** The form two names are compared in: NFKC (全角 = 半角), stripped, case-folded. */
    public static String comparable(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the text holds characters that change how it is shown without being seen: format
     * characters (bidirectional overrides and isolates, zero-width spaces and joiners, the BOM) and
     * control characters other than tab and line breaks. A name with them could pass for another.
     */
    public static boolean hasHiddenCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.FORMAT || (type == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r')
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
