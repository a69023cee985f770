package cn.hbce.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.http.Json;
import cn.hbce.common.json.JsonWriter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GET /v1/org's streaming answer is the mapper's text, for every field of the view, set or left out. */
class OrgViewJsonTest {
    private static final Instant AT = Instant.parse("2026-11-30T01:02:03.456789Z");

    @Test
    void writesWhatTheMapperWritesWithEveryFieldSet() throws Exception {
        OrgView full = sample(false);
        String streamed = JsonWriter.write(new OrgViewJson(full));
        assertEquals(Json.write(full), streamed);
        for (RecordComponent c : OrgView.class.getRecordComponents()) {
            assertTrue(streamed.contains("\"" + c.getName() + "\":"), c.getName() + " is written");
        }
        assertTrue(streamed.contains(":\"2026-11-30T09:02:1"), streamed);
        assertTrue(streamed.contains(".456+08:00\""), "China time to the millisecond: " + streamed);
    }

    @Test
    void leavesOutWhatIsNullAsTheMapperDoes() throws Exception {
        OrgView sparse = sample(true);
        assertEquals(Json.write(sparse), JsonWriter.write(new OrgViewJson(sparse)));
    }

    /** A view with a value in every component (a new component gets one too), or nulls where allowed. */
    private static OrgView sample(boolean nulls) throws Exception {
        RecordComponent[] components = OrgView.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            if (type == long.class) {
                values[i] = 7L + i;
            } else if (type == boolean.class) {
                values[i] = true;
            } else if (nulls) {
                values[i] = null;
            } else if (type == String.class) {
                values[i] = components[i].getName() + " \"湖北\"\n";
            } else if (type == Instant.class) {
                values[i] = AT.plusSeconds(i);
            } else if (type.isEnum()) {
                values[i] = type.getEnumConstants()[i % type.getEnumConstants().length];
            } else {
                throw new AssertionError("No sample for " + type + ": teach this test and OrgViewJson the new field");
            }
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return OrgView.class.getDeclaredConstructor(types).newInstance(values);
    }
}
