package cn.hbce.emulator.sfn.definition;

/** A Fail state; ErrorPath/CausePath are paths or intrinsic functions evaluated on the state input. */
public record FailState(String name, String error, String cause, String errorPath, String causePath)
        implements State {

    @Override
    public String type() {
        return "Fail";
    }
}
