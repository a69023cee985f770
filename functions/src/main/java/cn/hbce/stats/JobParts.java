package cn.hbce.stats;

import java.util.List;

/** Intermediate results of a statistics job run (S3 objects under the run's name). */
public interface JobParts {

    void put(String job, int segment, int chunk, JobPart part);

    List<JobPart> all(String job);

    void delete(String job);
}
