package dev.kefu.shared;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.databind.JsonNode;

/**
 * Refuses every request body that carries a NUL or a lone surrogate in any text, whatever the endpoint: JSON allows
 * {@code "\ud800"}, but no UTF-8 encoder downstream does. Checked after parsing, on the values the controller would
 * receive, so no endpoint can forget it.
 */
@RestControllerAdvice
public class WellFormedBodies extends RequestBodyAdviceAdapter {

	private static final int MAX_DEPTH = 32;

	WellFormedBodies() {
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		String flawed = flawedField(body);
		if (flawed != null) {
			throw new Text.InvalidText(flawed.isEmpty() ? "the request body" : flawed);
		}
		return body;
	}

	/** The path of the first text that is not well-formed ("" for the value itself), or null when all are. */
	public static @Nullable String flawedField(@Nullable Object value) {
		return flawed(value, "", 0);
	}

	private static @Nullable String flawed(@Nullable Object value, String path, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return null;
		}
		return switch (value) {
			case CharSequence text -> Text.wellFormed(text) ? null : path;
			case JsonNode node -> flawedNode(node, path, depth);
			case Map<?, ?> map -> flawedEntries(map, path, depth);
			case Collection<?> items -> flawedItems(items.toArray(), path, depth);
			case Object[] items -> flawedItems(items, path, depth);
			case Record record -> flawedComponents(record, path, depth);
			default -> value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()
					? flawedItems(toArray(value), path, depth) : null;
		};
	}

	private static @Nullable String flawedNode(JsonNode node, String path, int depth) {
		if (node.isString()) {
			return Text.wellFormed(node.asString()) ? null : path;
		}
		if (node.isArray()) {
			return flawedItems(node.values().toArray(), path, depth);
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			String at = join(path, property.getKey());
			String flawed = Text.wellFormed(property.getKey()) ? flawed(property.getValue(), at, depth + 1) : at;
			if (flawed != null) {
				return flawed;
			}
		}
		return null;
	}

	private static @Nullable String flawedEntries(Map<?, ?> map, String path, int depth) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String at = join(path, String.valueOf(entry.getKey()));
			String flawed = flawed(entry.getKey(), at, depth + 1);
			if (flawed == null) {
				flawed = flawed(entry.getValue(), at, depth + 1);
			}
			if (flawed != null) {
				return flawed;
			}
		}
		return null;
	}

	private static @Nullable String flawedItems(Object[] items, String path, int depth) {
		for (int i = 0; i < items.length; i++) {
			String flawed = flawed(items[i], path + "[" + i + "]", depth + 1);
			if (flawed != null) {
				return flawed;
			}
		}
		return null;
	}

	private static @Nullable String flawedComponents(Record record, String path, int depth) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			if (component.getType().isPrimitive() || component.getType().isEnum()) {
				continue;
			}
			String flawed = flawed(read(record, component.getAccessor()), join(path, component.getName()), depth + 1);
			if (flawed != null) {
				return flawed;
			}
		}
		return null;
	}

	private static @Nullable Object read(Record record, Method accessor) {
		try {
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("cannot read " + accessor, e);
		}
	}

	private static Object[] toArray(Object array) {
		Object[] items = new Object[Array.getLength(array)];
		for (int i = 0; i < items.length; i++) {
			items[i] = Array.get(array, i);
		}
		return items;
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}
}
