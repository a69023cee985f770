package cn.hbce.emulator.sfn.definition;

/** Where a state goes when it succeeds: a {@code Next} state or the end of its machine. */
public record Transition(String next, boolean end) {

    public static Transition to(String next) {
        return new Transition(next, false);
    }

    public static Transition ending() {
        return new Transition(null, true);
    }
}
