package cn.hbce.devserver.e2e;

import static cn.hbce.devserver.e2e.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/files, the browser's PUT to S3, POST /v1/files/{fileId}/complete and GET .../download. */
class FilesIT {
    private static OrgAdmin.Org org;

    @BeforeAll
    static void orgs() {
        org = OrgAdmin.department("文件");
    }

    @Test
    void uploadCompleteAndDownloadGiveBackTheSameBytesUnderTheOriginalName() {
        byte[] body = Uploads.pdf(300_000);
        String name = "2026年度 学习指南(定稿).pdf";
        E2E.Resp started = Uploads.start(org.token(), "MATERIAL", name, Uploads.PDF, body.length);
        assertEquals(201, started.status(), started::toString);
        String url = started.json().path("uploadUrl").asText();
        assertTrue(url.contains("/uploads/") && !url.contains("%E5%AD%A6"), () -> "the key is the server's, not the name: " + url);
        assertEquals(Uploads.PDF, Uploads.headers(started).get("Content-Type"), started::toString);
        Uploads.S3Resp put = Uploads.put(started, body);
        assertEquals(200, put.status(), put::toString);
        String fileId = started.json().path("fileId").asText();
        E2E.Resp done = Uploads.complete(org.token(), fileId);
        assertEquals(200, done.status(), done::toString);
        assertEquals("READY", done.json().path("status").asText());
        assertEquals(name, done.json().path("fileName").asText());
        assertEquals(body.length, done.json().path("size").asLong());

        E2E.Resp link = Uploads.download(org.token(), fileId);
        assertEquals(200, link.status(), link::toString);
        Uploads.S3Resp got = Uploads.get(link.json().path("url").asText());
        assertEquals(200, got.status(), got::toString);
        assertArrayEquals(body, got.body());
        assertEquals("attachment; filename*=UTF-8''2026%E5%B9%B4%E5%BA%A6%20%E5%AD%A6%E4%B9%A0%E6%8C%87%E5%8D%97%28%E5%AE%9A%E7%A8%BF%29.pdf",
                got.header("Content-Disposition"));
        assertEquals(Uploads.PDF, got.header("Content-Type"));
    }
}
