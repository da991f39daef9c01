package dev.agentteam.orchestrator.api;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Explains why a JSON body could not be read, naming the field (as the client spelled it) when there is one. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause == null) {
            return ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                    ? "The request body is missing." : "The request body could not be read.";
        }
        if (cause instanceof InputCoercionException coercion) {
            String field = path(coercion);
            return (field.isEmpty() ? "A number" : "'" + field + "'") + " is out of range for "
                    + expected(coercion.getTargetType()).replace("a number", "its type") + ".";
        }
        if (cause instanceof StreamReadException) {
            return "The request body is not valid JSON: " + firstLine(((JacksonException) cause).getOriginalMessage());
        }
        if (cause instanceof JacksonException jackson) {
            String field = path(jackson);
            if (jackson instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
                return "'" + field + "' " + jackson.getOriginalMessage() + ".";
            }
            if (jackson instanceof InvalidFormatException invalid) {
                return "'" + field + "' must be " + expected(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'.";
            }
            if (jackson instanceof ValueInstantiationException) {
                return "'" + field + "' is invalid: " + firstLine(rootMessage(jackson));
            }
            if (jackson instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return field.isEmpty()
                        ? "The request body must be " + expected(mismatched.getTargetType()) + "."
                        : "'" + field + "' must be " + expected(mismatched.getTargetType()) + ".";
            }
            return (field.isEmpty() ? "" : "'" + field + "': ") + firstLine(jackson.getOriginalMessage());
        }
        return "The request body could not be read.";
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a JSON object";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
