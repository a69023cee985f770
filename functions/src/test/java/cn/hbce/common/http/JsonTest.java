package cn.hbce.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.hbce.common.domain.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Named(String name, Long version) {
    }

    @Test
    void aTextFieldTakesOnlyAJsonString() {
        for (String body : new String[] {"{\"name\":true}", "{\"name\":12}", "{\"name\":1.5}", "{\"name\":{}}",
                "{\"name\":[\"a\"]}"}) {
            Refusal refused = assertThrows(Refusal.class, () -> Json.readBody(body, Named.class), body);
            assertEquals("VALIDATION_FAILED", refused.reason().code(), body);
            assertEquals(List.of("name"), refused.fields(), body);
        }
        assertEquals("12", Json.readBody("{\"name\":\"12\"}", Named.class).name());
    }

    @Test
    void aNumberFieldTakesNoTextOrFraction() {
        for (String body : new String[] {"{\"version\":\"3\"}", "{\"version\":1.5}", "{\"version\":true}"}) {
            assertEquals("VALIDATION_FAILED",
                    assertThrows(Refusal.class, () -> Json.readBody(body, Named.class), body).reason().code(), body);
        }
        assertEquals(3L, Json.readBody("{\"version\":3}", Named.class).version());
    }
}
