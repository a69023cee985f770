package cn.hbce.certificates;

/**
 * A name as the public verification shows it: first and last character kept, the middle starred
 * (张*明, 欧阳**华); a two-character name keeps its first (李*). Enough for someone holding the
 * paper to recognise it, too little to learn a name from a code.
 */
public final class NameMasking {
    private NameMasking() {
    }

    public static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
