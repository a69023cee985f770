package cn.hbce.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    enum Kind { UNIT }

    @Test
    void aLogLineKeepsNullsAndWritesScalarsByTheirType() {
        String line = JsonWriter.write(json -> json.scalar("route", null).scalar("status", 200).scalar("ms", 12L)
                .scalar("ratio", 0.5).scalar("big", new BigDecimal("1.10")).scalar("ok", true)
                .scalar("kind", Kind.UNIT).scalar("text", "引号\"与\\换行\n"));
        assertEquals("{\"route\":null,\"status\":200,\"ms\":12,\"ratio\":0.5,\"big\":1.10,\"ok\":true,"
                + "\"kind\":\"UNIT\",\"text\":\"引号\\\"与\\\\换行\\n\"}", line);
    }

    @Test
    void anAnswerLeavesOutNullFields() {
        assertEquals("{\"a\":\"x\",\"n\":3,\"b\":false}", JsonWriter.write(json -> json.field("a", "x")
                .field("skipped", (String) null).field("when", (java.time.Instant) null).field("kind", (Kind) null)
                .field("n", 3L).field("b", false)));
    }
}
