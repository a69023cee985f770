package cn.hbce.emulator.sfn;

/** Invokes a Lambda function in-process on behalf of a Task state. */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * @param functionRef a function name or a Lambda ARN, possibly with a {@code :qualifier}
     * @param payloadJson the event as JSON
     * @return the function's result as JSON ("null" when it returns nothing)
     * @throws LambdaInvocationException when the function fails
     */
    String invoke(String functionRef, String payloadJson) throws LambdaInvocationException;
}
