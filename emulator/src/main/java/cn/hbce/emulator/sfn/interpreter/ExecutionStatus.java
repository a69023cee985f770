package cn.hbce.emulator.sfn.interpreter;

/** The status names of the Step Functions API. */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
