/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.it.quarkus;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The application's readiness as a load balancer or Kubernetes probe reads it: a plain GET, then SmallRye's JSON. */
record Health(int statusCode, String body, JsonNode json) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Health get(URL url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Health(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    /** The named entry of {@code checks}; Camel's bridge shows a health-check repository as one entry. */
    JsonNode check(String name) {
        for (JsonNode check : json.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check named " + name + " in " + body);
    }
}
