package io.edxstack.render;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import io.edxstack.state.ResourceState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the wire form of a resource's inputs (as the SDK sends them to the engine) into plain JSON-like
 * values, with every secret replaced by {@value ResourceState#SECRET} and unknowns by {@value #UNKNOWN}.
 * Reading the wire form, not the Java objects, means render shows exactly what the engine would receive.
 */
final class StructValues {
    static final String UNKNOWN = "[unknown]";

    private StructValues() {
    }

    static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> map = new TreeMap<>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, toJava(value)));
        return map;
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> Constants.UnknownValue.equals(value.getStringValue()) ? UNKNOWN : value.getStringValue();
            case LIST_VALUE -> list(value.getListValue().getValuesList());
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static Object special(Struct struct) {
        Value sig = struct.getFieldsMap().get(Constants.SpecialSigKey);
        if (sig == null) {
            return toMap(struct);
        }
        String kind = sig.getStringValue();
        if (Constants.SpecialSecretSig.equals(kind)) {
            return ResourceState.SECRET;
        }
        if (Constants.SpecialOutputSig.equals(kind)) {
            Value secret = struct.getFieldsMap().get("secret");
            if (secret != null && secret.getBoolValue()) {
                return ResourceState.SECRET;
            }
            Value inner = struct.getFieldsMap().get("value");
            return inner == null ? UNKNOWN : toJava(inner);
        }
        if (Constants.SpecialResourceSig.equals(kind)) {
            Value urn = struct.getFieldsMap().get("urn");
            return urn == null ? UNKNOWN : urn.getStringValue();
        }
        return toMap(struct);
    }

    private static List<Object> list(List<Value> values) {
        List<Object> list = new ArrayList<>(values.size());
        values.forEach(v -> list.add(toJava(v)));
        return list;
    }

    /** Protobuf carries every number as a double; whole numbers are written as such for readable diffs. */
    private static Object number(double number) {
        if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
            return (long) number;
        }
        return number;
    }
}
