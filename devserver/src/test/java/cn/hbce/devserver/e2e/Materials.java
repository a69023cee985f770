package cn.hbce.devserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Helpers of the materials suites: submit a material over the API. */
public final class Materials {
    private Materials() {
    }

    public static E2E.Resp submit(String token, int year, String type, String title, List<String> fileIds) {
        return E2E.post("/v1/materials", E2E.obj("year", year, "type", type, "title", title, "fileIds", fileIds), token);
    }

    /** Submits and returns the materialId; fails the test when refused. */
    public static String create(String token, int year, String type, String title, String... fileIds) {
        E2E.Resp r = submit(token, year, type, title, List.of(fileIds));
        assertEquals(201, r.status(), () -> "submit material: " + r);
        return r.json().path("materialId").asText();
    }
}
