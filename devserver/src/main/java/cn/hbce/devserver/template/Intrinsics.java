package cn.hbce.devserver.template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions a template uses (Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::If,
 * Fn::Equals, Fn::Select) against local values. Unknown references fail loudly.
 */
public final class Intrinsics {
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private final Function<String, String> refs;
    private final Map<String, Object> conditions;

    /** {@code refs} answers "LogicalId" for Ref and "LogicalId.Attr" for GetAtt, or null if unknown. */
    public Intrinsics(Function<String, String> refs, Map<String, Object> conditions) {
        this.refs = refs;
        this.conditions = conditions;
    }

    public String string(Object value) {
        Object v = eval(value);
        return v == null ? null : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    public Object eval(Object value) {
        if (!(value instanceof Map<?, ?> raw) || raw.size() != 1) {
            return value;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        var entry = m.entrySet().iterator().next();
        Object arg = entry.getValue();
        switch (entry.getKey()) {
            case "Ref":
                return lookup(String.valueOf(arg));
            case "Fn::GetAtt": {
                List<Object> parts = (List<Object>) arg;
                return lookup(parts.get(0) + "." + parts.get(1));
            }
            case "Fn::Sub":
                return sub(arg);
            case "Fn::Join": {
                List<Object> parts = (List<Object>) arg;
                StringBuilder out = new StringBuilder();
                List<Object> items = (List<Object>) eval(parts.get(1));
                for (int i = 0; i < items.size(); i++) {
                    out.append(i == 0 ? "" : String.valueOf(parts.get(0))).append(string(items.get(i)));
                }
                return out.toString();
            }
            case "Fn::Select": {
                List<Object> parts = (List<Object>) arg;
                return eval(((List<Object>) eval(parts.get(1))).get(Integer.parseInt(string(parts.get(0)))));
            }
            case "Fn::If": {
                List<Object> parts = (List<Object>) arg;
                return condition(String.valueOf(parts.get(0))) ? eval(parts.get(1)) : eval(parts.get(2));
            }
            case "Fn::Equals": {
                List<Object> parts = (List<Object>) arg;
                return String.valueOf(eval(parts.get(0))).equals(String.valueOf(eval(parts.get(1))));
            }
            default:
                return value;
        }
    }

    public boolean condition(String name) {
        Object c = conditions.get(name);
        if (c == null) {
            throw new IllegalArgumentException("Unknown condition " + name);
        }
        return Boolean.TRUE.equals(eval(c));
    }

    @SuppressWarnings("unchecked")
    private String sub(Object arg) {
        String text;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
            text = String.valueOf(l.get(0));
            vars = (Map<String, Object>) l.get(1);
        } else {
            text = String.valueOf(arg);
        }
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = vars.containsKey(name) ? string(vars.get(name)) : lookup(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private String lookup(String name) {
        String value = refs.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("The local runtime cannot resolve " + name);
        }
        return value;
    }
}
