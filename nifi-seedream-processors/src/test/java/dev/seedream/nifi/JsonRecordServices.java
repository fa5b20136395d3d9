/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.serialization.MalformedRecordException;
import org.apache.nifi.serialization.RecordReader;
import org.apache.nifi.serialization.RecordReaderFactory;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.SimpleRecordSchema;
import org.apache.nifi.serialization.WriteResult;
import org.apache.nifi.serialization.record.DataType;
import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordField;
import org.apache.nifi.serialization.record.RecordFieldType;
import org.apache.nifi.serialization.record.RecordSchema;
import org.apache.nifi.serialization.record.RecordSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON-array record reader and writer for the tests: NiFi's own (nifi-record-serialization-services)
 * are not published for 2.8.0. Types are inferred from the values: text, whole numbers, booleans, arrays of text.
 */
final class JsonRecordServices {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecordServices() {
    }

    static final class Reader extends AbstractControllerService implements RecordReaderFactory {
        @Override
        public RecordReader createRecordReader(Map<String, String> variables, InputStream in, long inputLength,
                                               ComponentLog logger) throws MalformedRecordException, IOException {
            JsonNode root;
            try {
                root = MAPPER.readTree(in);
            } catch (IOException e) {
                throw new MalformedRecordException("Not JSON: " + e.getMessage(), e);
            }
            if (root == null || !root.isArray()) {
                throw new MalformedRecordException("Expected a JSON array of objects");
            }
            return new ArrayReader((ArrayNode) root);
        }
    }

    private static final class ArrayReader implements RecordReader {
        private final RecordSchema schema;
        private final Iterator<JsonNode> rows;

        ArrayReader(ArrayNode array) {
            Map<String, DataType> types = new LinkedHashMap<>();
            array.forEach(row -> row.properties().forEach(field -> types.putIfAbsent(field.getKey(),
                    type(field.getValue()))));
            List<RecordField> fields = new ArrayList<>();
            types.forEach((name, type) -> fields.add(new RecordField(name, type, true)));
            this.schema = new SimpleRecordSchema(fields);
            this.rows = array.iterator();
        }

        @Override
        public Record nextRecord(boolean coerceTypes, boolean dropUnknownFields) {
            if (!rows.hasNext()) {
                return null;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            rows.next().properties().forEach(field -> values.put(field.getKey(), value(field.getValue())));
            return new MapRecord(schema, values);
        }

        @Override
        public RecordSchema getSchema() {
            return schema;
        }

        @Override
        public void close() {
        }

        private static DataType type(JsonNode node) {
            if (node.isArray()) {
                return RecordFieldType.ARRAY.getArrayDataType(RecordFieldType.STRING.getDataType());
            }
            if (node.isIntegralNumber()) {
                return RecordFieldType.LONG.getDataType();
            }
            return node.isBoolean() ? RecordFieldType.BOOLEAN.getDataType() : RecordFieldType.STRING.getDataType();
        }

        private static Object value(JsonNode node) {
            if (node.isArray()) {
                List<Object> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                return items.toArray();
            }
            if (node.isIntegralNumber()) {
                return node.asLong();
            }
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            return node.isNull() ? null : node.asText();
        }
    }

    static final class Writer extends AbstractControllerService implements RecordSetWriterFactory {
        @Override
        public RecordSchema getSchema(Map<String, String> variables, RecordSchema readSchema) {
            return readSchema;
        }

        @Override
        public RecordSetWriter createWriter(ComponentLog logger, RecordSchema schema, OutputStream out,
                                            Map<String, String> variables) {
            return new ArrayWriter(out);
        }
    }

    private static final class ArrayWriter implements RecordSetWriter {
        private final OutputStream out;
        private final List<Map<String, Object>> rows = new ArrayList<>();

        ArrayWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public WriteResult write(RecordSet recordSet) throws IOException {
            Record record;
            while ((record = recordSet.next()) != null) {
                write(record);
            }
            return WriteResult.of(rows.size(), Map.of());
        }

        @Override
        public void beginRecordSet() {
        }

        @Override
        public WriteResult finishRecordSet() throws IOException {
            MAPPER.writeValue(out, rows);
            return WriteResult.of(rows.size(), Map.of());
        }

        @Override
        public WriteResult write(Record record) {
            rows.add(record.toMap());
            return WriteResult.of(rows.size(), Map.of());
        }

        @Override
        public String getMimeType() {
            return "application/json";
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
