package cn.hbce.emulator.sfn.definition;

/** One state of a state machine, parsed and validated. */
public sealed interface State
        permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    String name();

    /** The ASL type name ("Task", "Pass", ...), also the prefix of its history events. */
    String type();
}
