package cn.hbce.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes one flat JSON object with Jackson's streaming generator, without jackson-databind.
 *
 * <p>Why it exists: building an {@code ObjectMapper} and its first serialisers costs a Lambda cold
 * start about 100–150 ms of class loading. The structured log ({@code JsonLog}) and the answers of
 * the hottest routes ({@link JsonWritable}) are flat objects of scalars, so they are written here
 * and a function whose whole path uses only these never loads databind. Everything else keeps the
 * one mapper ({@link JsonMapper}); the answer fields written here follow the same rules (a null
 * field is left out, times as ISO-8601 at the China offset to the millisecond, enums by name), and
 * tests compare both outputs.
 */
public final class JsonWriter {
    /** Times leave the API as ISO-8601 with the China offset, e.g. 2026-11-28T09:30:00+08:00. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator out;

    private JsonWriter(JsonGenerator out) {
        this.out = out;
    }

    /** The JSON text of {@code value}. */
    public static String write(JsonWritable value) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            value.writeFields(new JsonWriter(g));
            g.writeEndObject();
        } catch (IOException e) {
            throw failed(e);
        }
        return text.toString();
    }

    /** The API's format of a time (the mapper's too): milliseconds, China offset. */
    public static String time(Instant value) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.truncatedTo(ChronoUnit.MILLIS).atOffset(CHINA));
    }

    /** A text field; left out when null. */
    public JsonWriter field(String name, String value) {
        if (value != null) {
            try {
                out.writeStringField(name, value);
            } catch (IOException e) {
                throw failed(e);
            }
        }
        return this;
    }

    /** An enum field by its name; left out when null. */
    public JsonWriter field(String name, Enum<?> value) {
        return field(name, value == null ? null : value.name());
    }

    /** A time field ({@link #time}); left out when null. */
    public JsonWriter field(String name, Instant value) {
        return field(name, value == null ? null : time(value));
    }

    public JsonWriter field(String name, long value) {
        try {
            out.writeNumberField(name, value);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    public JsonWriter field(String name, boolean value) {
        try {
            out.writeBooleanField(name, value);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * A field of any scalar, null included (for log lines, whose keys are fixed): numbers and
     * booleans as such, anything else as its text.
     */
    public JsonWriter scalar(String name, Object value) {
        try {
            out.writeFieldName(name);
            if (value == null) {
                out.writeNull();
            } else if (value instanceof Boolean b) {
                out.writeBoolean(b);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                out.writeNumber(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                out.writeNumber(((Number) value).doubleValue());
            } else if (value instanceof BigDecimal d) {
                out.writeNumber(d);
            } else if (value instanceof BigInteger i) {
                out.writeNumber(i);
            } else {
                out.writeString(String.valueOf(value));
            }
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("JSON could not be written", e);
    }
}
