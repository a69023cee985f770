package cn.hbce.emulator.sfn.api;

import cn.hbce.emulator.sfn.errors.ServiceError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and checks Step Functions ARNs for one region and account. */
public final class Arns {

    private static final Pattern STATE_MACHINE = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)");
    private static final Pattern EXECUTION = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):states:([a-z0-9-]+):(\\d{12}):execution:([^:]+):([^:]+)");

    private final String prefix;

    public Arns(String region, String accountId) {
        this.prefix = "arn:" + partition(region) + ":states:" + region + ":" + accountId + ":";
    }

    /** The ARN partition of a region: China regions live in aws-cn. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    public String stateMachine(String name) {
        return prefix + "stateMachine:" + name;
    }

    public String execution(String stateMachineName, String executionName) {
        return prefix + "execution:" + stateMachineName + ":" + executionName;
    }

    public static void checkStateMachineArn(String arn) {
        if (arn == null || !STATE_MACHINE.matcher(arn).matches()) {
            throw new ServiceError("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }

    public static void checkExecutionArn(String arn) {
        if (arn == null || !EXECUTION.matcher(arn).matches()) {
            throw new ServiceError("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }

    public static String stateMachineNameOfExecution(String executionArn) {
        Matcher matcher = EXECUTION.matcher(executionArn);
        return matcher.matches() ? matcher.group(4) : null;
    }
}
