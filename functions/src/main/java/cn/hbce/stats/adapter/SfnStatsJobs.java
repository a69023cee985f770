package cn.hbce.stats.adapter;

import cn.hbce.common.json.JsonMapper;
import cn.hbce.stats.StatsJobs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/** Runs of the statistics state machine; an execution's ARN is the machine's ARN with the run's name. */
public final class SfnStatsJobs implements StatsJobs {
    private final Supplier<SfnClient> sfn;
    private final String stateMachineArn;

    public SfnStatsJobs(Supplier<SfnClient> sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    private String arn() {
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            throw new IllegalStateException("STATS_STATE_MACHINE_ARN is not set for this function");
        }
        return stateMachineArn;
    }

    @Override
    public void start(String name, int year, int totalSegments) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("year", year);
        input.put("totalSegments", totalSegments);
        input.put("segments", StatsJobs.segments(totalSegments));
        try {
            String json = JsonMapper.MAPPER.writeValueAsString(input);
            sfn.get().startExecution(r -> r.stateMachineArn(arn()).name(name).input(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Status> status(String name) {
        String executionArn = arn().replace(":stateMachine:", ":execution:") + ":" + name;
        DescribeExecutionResponse d;
        try {
            d = sfn.get().describeExecution(r -> r.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException gone) {
            return Optional.empty();
        }
        Integer orgs = null;
        Long persons = null;
        Integer year = null;
        try {
            if (d.input() != null) {
                year = JsonMapper.MAPPER.readTree(d.input()).path("year").asInt();
            }
            if (d.output() != null) {
                JsonNode out = JsonMapper.MAPPER.readTree(d.output());
                orgs = out.path("orgs").asInt();
                persons = out.path("persons").asLong();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String status = switch (d.status()) {
            case RUNNING, PENDING_REDRIVE -> "RUNNING";
            case SUCCEEDED -> "SUCCEEDED";
            default -> "FAILED";
        };
        return Optional.of(new Status(status, d.startDate(), d.stopDate(), orgs, persons, year));
    }
}
