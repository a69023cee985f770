package cn.hbce.emulator.sfn.tasks;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task state's Resource: a Lambda function ARN, or an optimized service integration
 * ({@code arn:aws:states:::lambda:invoke[.waitForTaskToken]}, {@code arn:aws:states:::dynamodb:getItem} ...).
 *
 * @param resourceType for integrations the service ("lambda", "dynamodb"); null for a Lambda ARN
 * @param resourceName for integrations the action with its suffix, e.g. "invoke.waitForTaskToken"
 */
public record TaskResource(Kind kind, String arn, String resourceType, String resourceName, String action,
        boolean waitForTaskToken) {

    /** How the task is run and reported. */
    public enum Kind { LAMBDA_FUNCTION, LAMBDA_INVOKE, DYNAMODB }

    private static final String PARTITION = "arn:aws(?:-cn|-us-gov|-iso|-iso-b)?";
    private static final Pattern LAMBDA_FUNCTION = Pattern.compile(
            PARTITION + ":lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9$_-]+)?");
    private static final Pattern INTEGRATION = Pattern.compile(PARTITION + ":states:::([a-z0-9-]+):([A-Za-z]+)(\\.[A-Za-z]+)?");
    private static final Pattern ACTIVITY = Pattern.compile(PARTITION + ":states:[a-z0-9-]+:\\d{12}:activity:.+");
    private static final Set<String> DYNAMODB_ACTIONS = Set.of("getItem", "putItem", "updateItem", "deleteItem");

    public static Optional<TaskResource> parse(String arn) {
        if (LAMBDA_FUNCTION.matcher(arn).matches()) {
            return Optional.of(new TaskResource(Kind.LAMBDA_FUNCTION, arn, null, null, null, false));
        }
        Matcher integration = INTEGRATION.matcher(arn);
        if (!integration.matches()) {
            return Optional.empty();
        }
        String service = integration.group(1);
        String action = integration.group(2);
        String suffix = integration.group(3);
        boolean callback = ".waitForTaskToken".equals(suffix);
        if (suffix != null && !callback) {
            return Optional.empty();
        }
        if (service.equals("lambda") && action.equals("invoke")) {
            return Optional.of(new TaskResource(Kind.LAMBDA_INVOKE, arn, "lambda", action + (callback ? suffix : ""),
                    action, callback));
        }
        if (service.equals("dynamodb") && DYNAMODB_ACTIONS.contains(action) && !callback) {
            return Optional.of(new TaskResource(Kind.DYNAMODB, arn, "dynamodb", action, action, false));
        }
        return Optional.empty();
    }

    /** Why a resource cannot be run here, naming the unsupported feature; empty when it can. */
    public static Optional<String> problemWith(String arn) {
        if (parse(arn).isPresent()) {
            return Optional.empty();
        }
        if (ACTIVITY.matcher(arn).matches()) {
            return Optional.of("Activities (" + arn + ") are not supported by this local Step Functions service");
        }
        return Optional.of("The Task resource '" + arn + "' is not supported by this local Step Functions service"
                + " (supported: Lambda function ARNs, lambda:invoke[.waitForTaskToken],"
                + " dynamodb:getItem|putItem|updateItem|deleteItem)");
    }

    public boolean isIntegration() {
        return kind != Kind.LAMBDA_FUNCTION;
    }
}
