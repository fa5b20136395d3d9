/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds and runs flows on NiFi's root canvas through the REST API, as the UI does: every change carries the
 * component's current revision, components are placed in one row from {@code origin} so that each test class has
 * its own area on the canvas, and {@link #stopAll()} stops what this canvas started.
 */
final class Canvas {

    static final String SEEDREAM_GROUP = "dev.seedream";
    static final String SEEDREAM_NAR = "nifi-seedream-nar";
    static final String RECORD_NAR = "nifi-record-serialization-services-nar";
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

    private final NiFiApi api;
    private final String rootId;
    private final int originY;
    private int nextX;
    private final List<String[]> started = new ArrayList<>();

    Canvas(NiFiApi api, int originY) {
        this.api = api;
        this.rootId = api.get("/flow/process-groups/root").at("/processGroupFlow/id").asText();
        this.originY = originY;
    }

    String rootId() {
        return rootId;
    }

    static ObjectNode seedreamBundle() {
        return bundle(SEEDREAM_GROUP, SEEDREAM_NAR, System.getProperty("seedream.version"));
    }

    static ObjectNode nifiBundle(String artifact) {
        return bundle("org.apache.nifi", artifact, System.getProperty("nifi.version"));
    }

    static ObjectNode bundle(String group, String artifact, String version) {
        return NiFiApi.object().put("group", group).put("artifact", artifact).put("version", version);
    }

    // ---- controller services ----

    String addService(String type, ObjectNode bundle, String name, Map<String, String> properties) {
        ObjectNode component = NiFiApi.object().put("type", type).put("name", name);
        component.set("bundle", bundle);
        component.set("properties", NiFiApi.JSON.valueToTree(properties));
        return api.post("/process-groups/" + rootId + "/controller-services", entity(component)).at("/id").asText();
    }

    /** Runs the service's Verify (it must be disabled) with {@code properties} and returns the steps' results. */
    List<JsonNode> verifyService(String id, Map<String, String> properties) {
        ObjectNode request = NiFiApi.object().put("componentId", id);
        request.set("properties", NiFiApi.JSON.valueToTree(properties));
        request.set("attributes", NiFiApi.object());
        String path = "/controller-services/" + id + "/config/verification-requests";
        String requestId = api.post(path, NiFiApi.object().set("request", request)).at("/request/requestId").asText();
        JsonNode done = api.await(path + "/" + requestId, r -> r.at("/request/complete").asBoolean(),
                STATE_TIMEOUT, "verification of service " + id);
        api.delete(path + "/" + requestId);
        List<JsonNode> results = new ArrayList<>();
        done.at("/request/results").forEach(results::add);
        return results;
    }

    void enableService(String id) {
        setServiceState(id, "ENABLED");
    }

    void disableService(String id) {
        setServiceState(id, "DISABLED");
    }

    private void setServiceState(String id, String state) {
        awaitValid("/controller-services/" + id, state.equals("ENABLED"));
        ObjectNode body = revisionOf("/controller-services/" + id).put("state", state);
        api.put("/controller-services/" + id + "/run-status", body);
        api.await("/controller-services/" + id, s -> s.at("/component/state").asText().equals(state),
                STATE_TIMEOUT, "service " + id + " " + state);
    }

    // ---- processors, ports, connections ----

    /** A processor with its properties, scheduled every {@code runSchedule}, the listed relationships terminated. */
    String addProcessor(String type, ObjectNode bundle, String name, Map<String, String> properties,
                        String runSchedule, List<String> autoTerminated) {
        ObjectNode config = NiFiApi.object().put("schedulingPeriod", runSchedule).put("penaltyDuration", "1 sec")
                .put("yieldDuration", "1 sec");
        config.set("properties", NiFiApi.JSON.valueToTree(properties));
        config.set("autoTerminatedRelationships", NiFiApi.JSON.valueToTree(autoTerminated));
        ObjectNode component = NiFiApi.object().put("type", type).put("name", name);
        component.set("bundle", bundle);
        component.set("config", config);
        component.set("position", nextPosition());
        return api.post("/process-groups/" + rootId + "/processors", entity(component)).at("/id").asText();
    }

    JsonNode processor(String id) {
        return api.get("/processors/" + id);
    }

    /** A root-group port that site-to-site clients can reach: {@code kind} is input-ports or output-ports. */
    String addRemotePort(String kind, String name) {
        ObjectNode component = NiFiApi.object().put("name", name).put("allowRemoteAccess", true);
        component.set("position", nextPosition());
        return api.post("/process-groups/" + rootId + "/" + kind, entity(component)).at("/id").asText();
    }

    /**
     * A connection in the root group; {@code sourceType}/{@code destinationType} are PROCESSOR, INPUT_PORT or
     * OUTPUT_PORT. {@code maxQueued} is the back-pressure object threshold.
     */
    String connect(String sourceId, String sourceType, String destinationId, String destinationType,
                   List<String> relationships, long maxQueued) {
        ObjectNode component = NiFiApi.object().put("backPressureObjectThreshold", maxQueued)
                .put("backPressureDataSizeThreshold", "1 GB");
        component.set("source", NiFiApi.object().put("id", sourceId).put("groupId", rootId).put("type", sourceType));
        component.set("destination", NiFiApi.object().put("id", destinationId).put("groupId", rootId)
                .put("type", destinationType));
        component.set("selectedRelationships", NiFiApi.JSON.valueToTree(relationships));
        return api.post("/process-groups/" + rootId + "/connections", entity(component)).at("/id").asText();
    }

    /** FlowFiles waiting in a connection's queue. */
    int queued(String connectionId) {
        return api.get("/flow/connections/" + connectionId + "/status")
                .at("/connectionStatus/aggregateSnapshot/flowFilesQueued").asInt();
    }

    /** Waits until at least {@code count} FlowFiles are queued in the connection. */
    void awaitQueued(String connectionId, int count) {
        api.await("/flow/connections/" + connectionId + "/status",
                s -> s.at("/connectionStatus/aggregateSnapshot/flowFilesQueued").asInt() >= count, STATE_TIMEOUT,
                count + " FlowFiles queued in " + connectionId);
    }

    /** Starts a processor or port ({@code kind}: processors, input-ports, output-ports) once it is valid. */
    void start(String kind, String id) {
        setRunStatus(kind, id, "RUNNING");
        started.add(new String[] {kind, id});
    }

    /** Runs a processor's task once, then it stops by itself. */
    void runOnce(String processorId) {
        setRunStatus("processors", processorId, "RUN_ONCE");
    }

    void stop(String kind, String id) {
        api.put("/" + kind + "/" + id + "/run-status", revisionOf("/" + kind + "/" + id).put("state", "STOPPED"));
    }

    void stopAll() {
        for (String[] component : started) {
            try {
                stop(component[0], component[1]);
            } catch (AssertionError e) {
                // Already stopped or gone (e.g. across a restart): nothing left to stop.
            }
        }
        started.clear();
    }

    private void setRunStatus(String kind, String id, String state) {
        if (kind.equals("processors")) {
            awaitValid("/processors/" + id, true);
        }
        api.put("/" + kind + "/" + id + "/run-status", revisionOf("/" + kind + "/" + id).put("state", state));
    }

    /** Waits until NiFi has validated the component; with {@code mustBeValid} fails on INVALID with its reasons. */
    private void awaitValid(String path, boolean mustBeValid) {
        JsonNode entity = api.await(path, e -> !e.at("/component/validationStatus").asText().equals("VALIDATING"),
                STATE_TIMEOUT, path + " validated");
        if (mustBeValid && entity.at("/component/validationStatus").asText().equals("INVALID")) {
            throw new AssertionError(path + " is invalid: " + entity.at("/component/validationErrors"));
        }
    }

    // ---- provenance ----

    /** Provenance events of one component, through NiFi's provenance query (as the UI's Provenance view). */
    List<JsonNode> provenanceOf(String componentId) {
        ObjectNode searchTerms = NiFiApi.object();
        searchTerms.set("ProcessorID", NiFiApi.object().put("value", componentId));
        ObjectNode request = NiFiApi.object().put("maxResults", 1000);
        request.set("searchTerms", searchTerms);
        ObjectNode body = NiFiApi.object();
        body.set("provenance", NiFiApi.object().set("request", request));
        String id = api.post("/provenance", body).at("/provenance/id").asText();
        JsonNode done = api.await("/provenance/" + id, p -> p.at("/provenance/finished").asBoolean(),
                STATE_TIMEOUT, "provenance query");
        api.delete("/provenance/" + id);
        List<JsonNode> events = new ArrayList<>();
        done.at("/provenance/results/provenanceEvents").forEach(events::add);
        return events;
    }

    private ObjectNode revisionOf(String path) {
        ObjectNode body = NiFiApi.object();
        body.set("revision", api.get(path).get("revision"));
        return body;
    }

    private ObjectNode nextPosition() {
        ObjectNode position = NiFiApi.object().put("x", nextX).put("y", originY);
        nextX += 420;
        return position;
    }

    private static ObjectNode entity(ObjectNode component) {
        ObjectNode entity = NiFiApi.object();
        entity.set("revision", NiFiApi.object().put("version", 0));
        entity.set("component", component);
        return entity;
    }
}
