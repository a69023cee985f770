package cn.hbce.emulator.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.emulator.sfn.support.SfnHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/** The Step Functions API surface as the AWS SDK sees it. */
class ApiIT {

    private static final String WAITING = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,"
            + "\"End\":true}}}";
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    private static SfnHarness harness;

    @BeforeAll
    static void start() {
        harness = new SfnHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void stateMachineLifecycle() {
        String arn = harness.sfn.createStateMachine(b -> b.name("Lifecycle").definition(PASS)
                .roleArn(SfnHarness.ROLE)).stateMachineArn();
        assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:Lifecycle", arn);
        assertEquals(arn, harness.sfn.createStateMachine(b -> b.name("Lifecycle").definition(PASS)
                .roleArn(SfnHarness.ROLE)).stateMachineArn(), "same definition is idempotent");
        assertThrows(StateMachineAlreadyExistsException.class, () -> harness.sfn.createStateMachine(b -> b
                .name("Lifecycle").definition(WAITING).roleArn(SfnHarness.ROLE)));
        assertEquals(PASS, harness.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition());
        harness.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(WAITING));
        assertEquals(WAITING, harness.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition());
        assertTrue(harness.sfn.listStateMachines().stateMachines().stream().anyMatch(m -> m.name().equals("Lifecycle")));
        harness.sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThrows(StateMachineDoesNotExistException.class,
                () -> harness.sfn.describeStateMachine(b -> b.stateMachineArn(arn)));
    }

    @Test
    void invalidInputsGetAwsErrorTypes() {
        assertThrows(InvalidNameException.class, () -> harness.sfn.createStateMachine(b -> b.name("bad name")
                .definition(PASS).roleArn(SfnHarness.ROLE)));
        InvalidDefinitionException invalid = assertThrows(InvalidDefinitionException.class,
                () -> harness.sfn.createStateMachine(b -> b.name("Broken").roleArn(SfnHarness.ROLE)
                        .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}")));
        assertTrue(invalid.getMessage().contains("MISSING_TRANSITION_TARGET"), invalid.getMessage());
        assertThrows(InvalidArnException.class, () -> harness.sfn.describeExecution(b -> b.executionArn("nope")));
        assertThrows(ExecutionDoesNotExistException.class, () -> harness.sfn.describeExecution(b -> b.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:x:y")));
        assertThrows(StateMachineDoesNotExistException.class, () -> harness.sfn.startExecution(b -> b.stateMachineArn(
                "arn:aws:states:us-east-1:000000000000:stateMachine:missing")));
        String machine = harness.createMachine(PASS);
        assertThrows(InvalidExecutionInputException.class,
                () -> harness.sfn.startExecution(b -> b.stateMachineArn(machine).input("{not json")));
        String foreignToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "sfnlocal1|arn:aws:states:us-east-1:000000000000:execution:x:gone|id".getBytes());
        assertThrows(TaskDoesNotExistException.class,
                () -> harness.sfn.sendTaskSuccess(b -> b.taskToken(foreignToken).output("{}")));
    }

    @Test
    void startExecutionIsIdempotentByNameAndInputWhileRunning() {
        String machine = harness.createMachine(WAITING);
        String first = harness.sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"))
                .executionArn();
        String again = harness.sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"))
                .executionArn();
        assertEquals(first, again);
        assertTrue(first.endsWith(":execution:" + machine.substring(machine.lastIndexOf(':') + 1) + ":once"), first);
        assertThrows(ExecutionAlreadyExistsException.class, () -> harness.sfn.startExecution(b -> b
                .stateMachineArn(machine).name("once").input("{\"a\":2}")));
        harness.sfn.stopExecution(b -> b.executionArn(first));
        assertThrows(ExecutionAlreadyExistsException.class, () -> harness.sfn.startExecution(b -> b
                .stateMachineArn(machine).name("once").input("{\"a\":1}")));
    }

    @Test
    void listExecutionsFiltersByStatusAndPages() {
        String machine = harness.createMachine(WAITING);
        for (int i = 0; i < 5; i++) {
            int n = i;
            harness.sfn.startExecution(b -> b.stateMachineArn(machine).name("e" + n));
        }
        harness.sfn.stopExecution(b -> b.executionArn(machine.replace(":stateMachine:", ":execution:") + ":e0"));
        ListExecutionsResponse firstPage = harness.sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2));
        assertEquals(2, firstPage.executions().size());
        assertNotNull(firstPage.nextToken());
        long all = harness.sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(2))
                .executions().stream().count();
        assertEquals(5, all);
        List<String> aborted = harness.sfn.listExecutions(b -> b.stateMachineArn(machine)
                .statusFilter(ExecutionStatus.ABORTED)).executions().stream().map(e -> e.name()).toList();
        assertEquals(List.of("e0"), aborted);
        assertEquals(4, harness.sfn.listExecutions(b -> b.stateMachineArn(machine)
                .statusFilter(ExecutionStatus.RUNNING)).executions().size());
    }

    @Test
    void historyHasLinkedIdsAndSupportsReverseOrderAndPaging() {
        String arn = harness.start(harness.createMachine("{\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"End\":true}}}"), "{}");
        harness.awaitEnd(arn);
        GetExecutionHistoryResponse forward = harness.sfn.getExecutionHistory(b -> b.executionArn(arn));
        assertEquals(6, forward.events().size());
        for (int i = 0; i < forward.events().size(); i++) {
            assertEquals(i + 1L, forward.events().get(i).id());
            assertEquals((long) i, forward.events().get(i).previousEventId());
        }
        assertEquals("{}", forward.events().get(0).executionStartedEventDetails().input());
        assertEquals("A", forward.events().get(1).stateEnteredEventDetails().name());
        assertNotNull(forward.events().get(0).timestamp());
        GetExecutionHistoryResponse reversed = harness.sfn.getExecutionHistory(b -> b.executionArn(arn)
                .reverseOrder(true).maxResults(2));
        assertEquals(List.of(6L, 5L), reversed.events().stream().map(e -> e.id()).toList());
        GetExecutionHistoryResponse next = harness.sfn.getExecutionHistory(b -> b.executionArn(arn)
                .reverseOrder(true).maxResults(2).nextToken(reversed.nextToken()));
        assertEquals(List.of(4L, 3L), next.events().stream().map(e -> e.id()).toList());
    }

    @Test
    void describeExecutionShowsStatusDatesAndOutput() {
        String arn = harness.start(harness.createMachine(PASS), "{\"k\":\"v\"}");
        var described = harness.awaitEnd(arn);
        assertEquals("{\"k\":\"v\"}", described.input());
        assertEquals("{\"k\":\"v\"}", described.output());
        assertNotNull(described.startDate());
        assertNotNull(described.stopDate());
        assertNull(described.error());
    }

    @Test
    void rawProtocolErrorsAreJsonWithType() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(harness.service.endpoint() + "/"))
                .header("X-Amz-Target", "AWSStepFunctions.NoSuchAction")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("UnknownOperationException", SfnHarness.json(response.body()).get("__type").asText());
    }
}
