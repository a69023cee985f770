package cn.hbce.emulator.sfn.definition;

/** A Wait state; exactly one of seconds, timestamp, secondsPath and timestampPath is set. */
public record WaitState(
        String name,
        Transition transition,
        IoPaths io,
        Long seconds,
        String timestamp,
        String secondsPath,
        String timestampPath) implements State {

    @Override
    public String type() {
        return "Wait";
    }
}
