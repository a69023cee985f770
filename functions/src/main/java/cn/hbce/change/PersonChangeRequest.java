package cn.hbce.change;

import java.util.List;

/** The body of POST /v1/me/changes: any of the title fields, the evidence and why. */
public record PersonChangeRequest(String titleSeries, String titleLevel, String titleObtainedOn,
                                  List<String> evidenceFileIds, String reason) {
}
