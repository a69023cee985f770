package cn.hbce.devserver;

import cn.hbce.devserver.gateway.FunctionHost;
import cn.hbce.devserver.iam.AccessRequest;
import cn.hbce.devserver.iam.Decision;
import cn.hbce.devserver.iam.Identities;
import cn.hbce.devserver.runtime.FunctionError;
import cn.hbce.emulator.sfn.LambdaInvocationException;
import cn.hbce.emulator.sfn.LambdaInvoker;

/**
 * Lets the local Step Functions invoke the template's functions through the same hosting as the
 * gateway (each in its own environment, under its Timeout and payload limits), with Lambda's error
 * names. A state machine's role must allow lambda:InvokeFunction on the function, as on AWS. The
 * emulator does not say which machine calls, so with several machines an invocation passes when
 * one of their roles allows it (each role's own grants are checked against its definition by the
 * template tests).
 */
final class InProcessLambdas implements LambdaInvoker {
    private final FunctionHost functions;
    private volatile java.util.List<Identities.Principal> stateMachineRoles = java.util.List.of();

    InProcessLambdas(FunctionHost functions) {
        this.functions = functions;
    }

    /** The state machines' roles, whose policies every invocation is checked against. */
    void checkAgainst(java.util.List<Identities.Principal> roles) {
        this.stateMachineRoles = java.util.List.copyOf(roles);
    }

    @Override
    public String invoke(String functionRef, String payloadJson) throws LambdaInvocationException {
        String logicalId;
        try {
            logicalId = functions.logicalIdOf(functionRef);
        } catch (IllegalArgumentException unknown) {
            throw new LambdaInvocationException("Lambda.ResourceNotFoundException", "Function not found: " + functionRef);
        }
        java.util.List<Identities.Principal> roles = stateMachineRoles;
        if (!roles.isEmpty()) {
            String arn = functionRef.startsWith("arn:") ? functionRef
                    : "arn:aws:lambda:" + LocalServices.REGION + ":" + LocalServices.ACCOUNT + ":function:" + functionRef;
            Decision denied = null;
            for (Identities.Principal role : roles) {
                Decision decision = role.decide(new AccessRequest("lambda:InvokeFunction", arn));
                if (decision.allowed()) {
                    denied = null;
                    break;
                }
                denied = denied == null ? decision : denied;
            }
            if (denied != null) {
                throw new LambdaInvocationException("Lambda.AWSLambdaException", denied.message()
                        + " (Service: AWSLambda; Status Code: 403; Error Code: AccessDeniedException)");
            }
        }
        try {
            return functions.invokeJson(logicalId, payloadJson);
        } catch (FunctionError failure) {
            throw new LambdaInvocationException(failure.errorType(), String.valueOf(failure.getMessage()));
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
