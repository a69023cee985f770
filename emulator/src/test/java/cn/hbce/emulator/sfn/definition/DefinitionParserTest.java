package cn.hbce.emulator.sfn.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.tasks.TaskResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    private static StateMachineDefinition parse(String json) throws InvalidDefinitionException {
        return DefinitionParser.parse(json.replace('\'', '"'), TaskResource::problemWith);
    }

    private static String problem(String json) {
        return assertThrows(InvalidDefinitionException.class, () -> parse(json)).getMessage();
    }

    @Test
    void parsesAValidMachineWithEveryStateType() throws Exception {
        StateMachineDefinition definition = parse("{'StartAt':'T','TimeoutSeconds':30,'States':{"
                + "'T':{'Type':'Task','Resource':'arn:aws-cn:states:::lambda:invoke','Next':'C',"
                + "'Retry':[{'ErrorEquals':['States.ALL'],'MaxDelaySeconds':5,'JitterStrategy':'FULL'}]},"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$.x','IsPresent':true,'Next':'P'}],'Default':'W'},"
                + "'W':{'Type':'Wait','Seconds':1,'Next':'P'},"
                + "'P':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{'B':{'Type':'Succeed'}}}],'Next':'M'},"
                + "'M':{'Type':'Map','ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}},'Next':'F'},"
                + "'F':{'Type':'Fail','Error':'E'}}}");
        assertEquals(6, definition.states().size());
        assertEquals(30, definition.timeoutSeconds());
        TaskState task = assertInstanceOf(TaskState.class, definition.state("T"));
        assertEquals(Retrier.JitterStrategy.FULL, task.errors().retriers().get(0).jitterStrategy());
        assertEquals(3, task.errors().retriers().get(0).maxAttempts());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'StartAt':'X','States':{'A':{'Type':'Succeed'}}}|MISSING_TRANSITION_TARGET",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'}}}|MISSING_TRANSITION_TARGET",
        "{'StartAt':'A','States':{'A':{'Type':'Pass'}}}|needs 'Next' or 'End'",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'A','End':true}}}|both 'Next' and 'End'",
        "{'StartAt':'A','States':{'A':{'Type':'Succeed'},'B':{'Type':'Succeed'}}}|UNREACHABLE_STATE",
        "{'StartAt':'A','States':{'A':{'Type':'Bogus','End':true}}}|state type 'Bogus'",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'Foo':1}}}|The field 'Foo' is not supported",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'x','End':true}}}|INVALID_JSON_PATH",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','ResultPath':'$.a[*]','End':true}}}|INVALID_REFERENCE_PATH",
        "{'StartAt':'A','States':{'A':{'Type':'Choice','Choices':[]}}}|'Choices' must be a non-empty array",
        "{'StartAt':'A','States':{'A':{'Type':'Choice','Choices':[{'Variable':'$.a','StringEquals':1,'Next':'A'}]}}}|StringEquals must be a string",
        "{'StartAt':'A','States':{'A':{'Type':'Wait','End':true}}}|exactly one of Seconds",
        "{'StartAt':'A','States':{'A':{'Type':'Task','End':true}}}|'Resource' is required",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','HeartbeatSeconds':60,'TimeoutSeconds':30,'End':true}}}|HeartbeatSeconds must be smaller",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Retry':[{'ErrorEquals':['States.ALL','X']}],'End':true}}}|States.ALL must appear alone",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Retry':[{'ErrorEquals':['X'],'BackoffRate':0.5}],'End':true}}}|BackoffRate",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'x.$':'States.Nope()'},'End':true}}}|Unsupported intrinsic function States.Nope",
        "{'StartAt':'A','States':{'A':{'Type':'Choice','Choices':[{'Variable':'$.a','IsNull':true,'Next':'A'}],'End':true}}}|cannot have 'Next' or 'End'",
        "{'StartAt':'A','States':{'A':{'Type':'Parallel','Branches':[{'StartAt':'A','States':{'A':{'Type':'Succeed'}}}],'End':true}}}|DUPLICATE_STATE_NAME",
        "{'StartAt':'A','States':{'A':{'Type':'Fail','Error':'x','ErrorPath':'$.e'}}}|cannot both be given"
    })
    void rejectsInvalidDefinitions(String definition, String expectedProblem) {
        String message = problem(definition);
        assertTrue(message.contains(expectedProblem), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Succeed'}}}|QueryLanguage JSONata",
        "{'StartAt':'A','States':{'A':{'Type':'Map','ItemReader':{},'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}}}|ItemReader (Distributed Map)",
        "{'StartAt':'A','States':{'A':{'Type':'Map','ResultWriter':{},'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}}}|ResultWriter (Distributed Map)",
        "{'StartAt':'A','States':{'A':{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED'},'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}}}|Distributed Map",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:review','End':true}}}|Activities",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage','End':true}}}|sqs:sendMessage' is not supported",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':1},'End':true}}}|Assign"
    })
    void rejectsUnsupportedFeaturesNamingThem(String definition, String feature) {
        String message = problem(definition);
        assertTrue(message.contains("UNSUPPORTED_FEATURE") && message.contains(feature), message);
    }
}
