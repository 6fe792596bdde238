package dev.atrium.platform.models;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of a structured answer with {@code null} allowed wherever the record can hold it. The schema
 * generated from a record types a {@code String} or {@code Integer} component as plain {@code "string"} or
 * {@code "integer"}, so a model that answers {@code null} for a value the document does not have (as skills ask
 * it to) would be refused and the skill would lose the whole answer. Primitive components stay non-null: a
 * {@code null} there would silently become zero.
 */
final class NullableSchema {

    private NullableSchema() {
    }

    /** The schema text with the type of every nullable record component widened by {@code "null"}. */
    static String of(String schemaText, Class<?> type, JsonMapper json) {
        JsonNode tree = json.readTree(schemaText);
        if (!(tree instanceof ObjectNode root)) {
            return schemaText;
        }
        widen(root, type);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void widen(ObjectNode schema, Class<?> type) {
        if (!type.isRecord() || !(schema.get("properties") instanceof ObjectNode properties)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!(properties.get(component.getName()) instanceof ObjectNode property)) {
                continue;
            }
            if (!component.getType().isPrimitive()) {
                allowNull(property);
            }
            Class<?> element = elementOf(component);
            if (element != null && property.get("items") instanceof ObjectNode items) {
                widen(items, element);
            } else {
                widen(property, component.getType());
            }
        }
    }

    /** The element class of a collection component ({@code List<Item>}), or null. */
    private static Class<?> elementOf(RecordComponent component) {
        if (!Collection.class.isAssignableFrom(component.getType())
                || !(component.getGenericType() instanceof ParameterizedType generic)) {
            return null;
        }
        Type[] arguments = generic.getActualTypeArguments();
        return arguments.length == 1 && arguments[0] instanceof Class<?> element ? element : null;
    }

    private static void allowNull(ObjectNode property) {
        JsonNode type = property.get("type");
        if (type != null && type.isString() && !type.asString().equals("null")) {
            ArrayNode both = property.putArray("type");
            both.add(type.asString());
            both.add("null");
        } else if (type instanceof ArrayNode types) {
            for (JsonNode t : types) {
                if (t.isString() && t.asString().equals("null")) {
                    return;
                }
            }
            types.add("null");
        }
    }
}
