package cn.hbce.devserver;

import cn.hbce.devserver.gateway.FunctionHost;
import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;

/** Lets the local Step Functions invoke the template's functions in this JVM, with Lambda's error names. */
final class InProcessLambdas implements LambdaInvoker {
    private final FunctionHost functions;

    InProcessLambdas(FunctionHost functions) {
        this.functions = functions;
    }

    @Override
    public String invoke(String functionRef, String payloadJson) throws LambdaInvocationException {
        String logicalId;
        try {
            logicalId = functions.logicalIdOf(functionRef);
        } catch (IllegalArgumentException unknown) {
            throw new LambdaInvocationException("Lambda.ResourceNotFoundException", "Function not found: " + functionRef);
        }
        try {
            return functions.invokeJson(logicalId, payloadJson);
        } catch (RuntimeException failure) {
            // Lambda reports an unhandled exception by its class name, which is what Retry/Catch match.
            Throwable cause = failure.getCause() != null && failure instanceof java.lang.reflect.UndeclaredThrowableException
                    ? failure.getCause() : failure;
            throw new LambdaInvocationException(cause.getClass().getName(), String.valueOf(cause.getMessage()));
        } catch (Exception failure) {
            throw new LambdaInvocationException(failure.getClass().getName(), String.valueOf(failure.getMessage()));
        }
    }
}
