package cn.hbce.emulator.sfn.api;

import cn.hbce.emulator.sfn.errors.ServiceError;

/** The naming rules of state machines and executions. */
final class Names {

    private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {
    }

    static void check(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > 80) {
            throw new ServiceError("InvalidName", "Invalid Name: '" + name + "' (" + what
                    + " names must have 1 to 80 characters)");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                throw new ServiceError("InvalidName", "Invalid Name: '" + name + "'");
            }
        }
    }
}
