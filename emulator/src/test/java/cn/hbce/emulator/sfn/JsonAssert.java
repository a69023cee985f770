package cn.hbce.emulator.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.hbce.emulator.sfn.support.SfnHarness;

/** Assertions on JSON text by JSON Pointer. */
final class JsonAssert {

    private JsonAssert() {
    }

    static void fieldEquals(String document, String pointer, String expectedJson) {
        assertEquals(SfnHarness.json(expectedJson), SfnHarness.json(document).at(pointer),
                "at " + pointer + " of " + document);
    }
}
