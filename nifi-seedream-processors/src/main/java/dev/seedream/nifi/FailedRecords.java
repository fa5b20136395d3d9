/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.exception.ProcessException;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.SimpleRecordSchema;
import org.apache.nifi.serialization.WriteResult;
import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordField;
import org.apache.nifi.serialization.record.RecordFieldType;
import org.apache.nifi.serialization.record.RecordSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one batch that produced no image, each with its error, written as one FlowFile per kind so a
 * permanent failure can be fixed and a transient one simply fed back. Held in memory: a record is a prompt and a
 * few options, so even thousands of them are small.
 */
final class FailedRecords {

    static final String ERROR_CODE_FIELD = "seedream_error_code";
    static final String ERROR_MESSAGE_FIELD = "seedream_error_message";
    static final String HTTP_STATUS_FIELD = "seedream_http_status";
    static final String REQUEST_ID_FIELD = "seedream_request_id";

    private final RecordSchema schema;
    private final List<Record> records = new ArrayList<>();

    /** @param inputSchema the reader's schema; the error fields are appended to it */
    FailedRecords(RecordSchema inputSchema) {
        List<RecordField> fields = new ArrayList<>(inputSchema.getFields());
        fields.add(new RecordField(ERROR_CODE_FIELD, RecordFieldType.STRING.getDataType(), true));
        fields.add(new RecordField(ERROR_MESSAGE_FIELD, RecordFieldType.STRING.getDataType(), true));
        fields.add(new RecordField(HTTP_STATUS_FIELD, RecordFieldType.INT.getDataType(), true));
        fields.add(new RecordField(REQUEST_ID_FIELD, RecordFieldType.STRING.getDataType(), true));
        this.schema = new SimpleRecordSchema(fields);
    }

    void add(Record record, CallFailure failure) {
        Map<String, Object> values = new LinkedHashMap<>(record.toMap());
        values.put(ERROR_CODE_FIELD, failure.code());
        values.put(ERROR_MESSAGE_FIELD, failure.message());
        values.put(HTTP_STATUS_FIELD, failure.httpStatus());
        values.put(REQUEST_ID_FIELD, failure.requestId());
        records.add(new MapRecord(schema, values));
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    int size() {
        return records.size();
    }

    /** Writes the records into a new child of {@code parent}, with record.count and the writer's mime.type. */
    FlowFile write(ProcessSession session, FlowFile parent, RecordSetWriterFactory writerFactory, ComponentLog log) {
        Map<String, String> attributes = new LinkedHashMap<>();
        FlowFile child = session.write(session.create(parent), out -> {
            try (RecordSetWriter writer = writerFactory.createWriter(log,
                    writerFactory.getSchema(parent.getAttributes(), schema), out, parent.getAttributes())) {
                writer.beginRecordSet();
                for (Record record : records) {
                    writer.write(record);
                }
                WriteResult result = writer.finishRecordSet();
                attributes.putAll(result.getAttributes());
                attributes.put(SeedreamAttributes.RECORD_COUNT, String.valueOf(result.getRecordCount()));
                attributes.put(SeedreamAttributes.MIME_TYPE, writer.getMimeType());
            } catch (SchemaNotFoundException | IOException e) {
                throw new ProcessException("Could not write the failed records", e);
            }
        });
        return session.putAllAttributes(child, attributes);
    }
}
