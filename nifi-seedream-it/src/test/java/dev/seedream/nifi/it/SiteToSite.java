/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.nifi.remote.Transaction;
import org.apache.nifi.remote.TransferDirection;
import org.apache.nifi.remote.client.SiteToSiteClient;
import org.apache.nifi.remote.protocol.DataPacket;
import org.apache.nifi.remote.protocol.SiteToSiteTransportProtocol;

/**
 * Feeds and collects FlowFiles through NiFi's root-group ports over site-to-site (HTTP), the way another NiFi or a
 * remote application would. Each call is one confirmed transaction: what was received is gone from NiFi. Ports are
 * named by id: NiFi caches the list of port names it shows site-to-site clients for 30 seconds.
 */
final class SiteToSite {

    /** A FlowFile as it left NiFi. */
    record Received(Map<String, String> attributes, byte[] content) {
        String attribute(String name) {
            return attributes.get(name);
        }
    }

    private final URI nifi;

    SiteToSite(URI nifi) {
        this.nifi = nifi;
    }

    /** Sends FlowFiles (content with attributes) to the input port with id {@code port}, in one transaction. */
    void send(String port, List<Map.Entry<byte[], Map<String, String>>> flowFiles) {
        try (SiteToSiteClient client = client(port)) {
            Transaction transaction = client.createTransaction(TransferDirection.SEND);
            for (Map.Entry<byte[], Map<String, String>> flowFile : flowFiles) {
                transaction.send(flowFile.getKey(), flowFile.getValue());
            }
            transaction.confirm();
            transaction.complete();
        } catch (IOException e) {
            throw new UncheckedIOException("site-to-site send to " + port, e);
        }
    }

    void send(String port, byte[] content, Map<String, String> attributes) {
        send(port, List.of(Map.entry(content, attributes)));
    }

    /**
     * Pulls from the output port with id {@code port} until {@code expected} FlowFiles came or {@code timeout}
     * passed, and returns what came (possibly fewer, or more if more were waiting).
     */
    List<Received> receive(String port, int expected, Duration timeout) {
        List<Received> received = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (SiteToSiteClient client = client(port)) {
            while (received.size() < expected && Instant.now().isBefore(deadline)) {
                Transaction transaction = client.createTransaction(TransferDirection.RECEIVE);
                if (transaction == null) {
                    RealNiFi.sleep(250);
                    continue;
                }
                int before = received.size();
                for (DataPacket packet = transaction.receive(); packet != null; packet = transaction.receive()) {
                    try (InputStream data = packet.getData()) {
                        received.add(new Received(Map.copyOf(packet.getAttributes()), data.readAllBytes()));
                    }
                }
                transaction.confirm();
                transaction.complete();
                if (received.size() == before) {
                    RealNiFi.sleep(250);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("site-to-site receive from " + port, e);
        }
        return received;
    }

    private SiteToSiteClient client(String port) {
        return new SiteToSiteClient.Builder().url(nifi.toString()).portIdentifier(port)
                .transportProtocol(SiteToSiteTransportProtocol.HTTP).timeout(30, TimeUnit.SECONDS)
                .requestBatchCount(100).build();
    }
}
