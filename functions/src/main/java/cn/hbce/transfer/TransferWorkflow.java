package cn.hbce.transfer;

/** The transfer's state machine (statemachines/transfer.asl.json; Step Functions in production). */
public interface TransferWorkflow {

    /** Starts the transfer's execution, named after its TRANSFER_IN review; a repeated start is the same execution. */
    void start(Transfer transfer);

    /**
     * Whether {@code executionId} names a RUNNING execution of the transfer state machine for this
     * transfer (named after its review): the task functions act only for it.
     */
    boolean isRunningTransferOf(String executionId, Transfer transfer);
}
