package org.guichet.export;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an export line by line, keeping each line's bytes (for the trailer's SHA-256) and
 * number (for what is reported); nothing but the current line is held.
 */
final class ExportFile implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private long number;

    /**
     * One line.
     *
     * @param number its number, from 1
     * @param bytes  its bytes, the final line feed included when there is one
     * @param json   the object it holds, or null when it is not a JSON object
     * @param error  why it is not, or null
     */
    record Line(long number, byte[] bytes, JsonNode json, String error) {

        String kind() {
            return json == null || !json.path("record").isTextual() ? null : json.get("record").textValue();
        }

        /** A member as text: a string as it is, another value as its JSON, null when absent or null. */
        String text(String member) {
            JsonNode value = json.get(member);
            return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
        }

        long number(String member) {
            JsonNode value = json.get(member);
            if (value == null || !value.canConvertToLong()) {
                throw new IllegalArgumentException("line " + number + ": " + kind() + " has no number " + member);
            }
            return value.longValue();
        }
    }

    ExportFile(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The next line, or null at the end of the file. */
    Line next() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            int b;
            while ((b = in.read()) != -1) {
                bytes.write(b);
                if (b == '\n') {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export cannot be read: " + e.getMessage(), e);
        }
        if (bytes.size() == 0) {
            return null;
        }
        number++;
        byte[] raw = bytes.toByteArray();
        try {
            JsonNode json = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
            if (json == null || !json.isObject()) {
                return new Line(number, raw, null, "not a JSON object");
            }
            return new Line(number, raw, json, null);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException parse
                    ? parse.getOriginalMessage() : e.getMessage();
            return new Line(number, raw, null, "not JSON (" + why + ")");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
