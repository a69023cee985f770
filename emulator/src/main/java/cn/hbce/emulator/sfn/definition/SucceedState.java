package cn.hbce.emulator.sfn.definition;

/** A Succeed state. */
public record SucceedState(String name, IoPaths io) implements State {

    @Override
    public String type() {
        return "Succeed";
    }
}
