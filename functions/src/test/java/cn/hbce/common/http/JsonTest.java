package cn.hbce.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Named(String name, Long version) {
    }

    @Test
    void aTextFieldTakesOnlyAJsonString() {
        for (String body : new String[] {"{\"name\":true}", "{\"name\":12}", "{\"name\":1.5}", "{\"name\":{}}",
                "{\"name\":[\"a\"]}"}) {
            ApiError refused = assertThrows(ApiError.class, () -> Json.readBody(body, Named.class), body);
            assertEquals(ErrorCode.VALIDATION_FAILED, refused.code(), body);
            assertEquals(List.of("name"), refused.fields(), body);
        }
        assertEquals("12", Json.readBody("{\"name\":\"12\"}", Named.class).name());
    }

    @Test
    void aNumberFieldTakesNoTextOrFraction() {
        for (String body : new String[] {"{\"version\":\"3\"}", "{\"version\":1.5}", "{\"version\":true}"}) {
            assertEquals(ErrorCode.VALIDATION_FAILED,
                    assertThrows(ApiError.class, () -> Json.readBody(body, Named.class), body).code(), body);
        }
        assertEquals(3L, Json.readBody("{\"version\":3}", Named.class).version());
    }
}
