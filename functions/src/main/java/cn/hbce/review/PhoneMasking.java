package cn.hbce.review;

import cn.hbce.common.validation.Phone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Review details are stored as submitted (the effect applies them), but every phone number in them
 * is shown masked: a field whose name ends in "phone"/"Phone", and both sides of a change entry
 * ({@code {field, before, after}}) whose field is such a name.
 */
final class PhoneMasking {

    private PhoneMasking() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> masked(Map<String, Object> values) {
        return values == null ? null : (Map<String, Object>) mask(values, false);
    }

    @SuppressWarnings("unchecked")
    private static Object mask(Object value, boolean isPhone) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> in = (Map<String, Object>) map;
            boolean phoneChange = in.containsKey("field") && isPhoneField(String.valueOf(in.get("field")));
            Map<String, Object> out = new LinkedHashMap<>();
            in.forEach((k, v) -> out.put(k, mask(v, isPhoneField(k)
                    || (phoneChange && ("before".equals(k) || "after".equals(k))))));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(mask(v, false)));
            return out;
        }
        if (isPhone && value instanceof String s && !s.isEmpty()) {
            return Phone.mask(s);
        }
        return value;
    }

    private static boolean isPhoneField(String name) {
        return name.equals("phone") || name.endsWith("Phone");
    }
}
