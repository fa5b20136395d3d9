/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import io.netty.resolver.NameResolver;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a download's host and refuses any address that is not public — loopback, private, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast, unspecified — so a server cannot make the
 * client fetch from inside its network. It checks the address actually connected to, every hop, so neither a DNS
 * name pointing inwards nor a redirect gets past it.
 */
final class PublicAddressResolver implements NameResolver<InetAddress> {

    private final NameResolver<InetAddress> delegate;

    PublicAddressResolver(NameResolver<InetAddress> delegate) {
        this.delegate = delegate;
    }

    /** Whether {@code address} is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // 0/8, 100.64/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0/24
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc; // fc00::/7
            return !uniqueLocal && !isMappedV4(bytes);
        }
        return false;
    }

    /** ::ffff:a.b.c.d is checked as a.b.c.d would be; refused here so no mapping slips through. */
    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    @Override
    public Future<InetAddress> resolve(String host) {
        Promise<InetAddress> promise = ImmediateEventExecutor.INSTANCE.newPromise();
        return resolve(host, promise);
    }

    @Override
    public Future<InetAddress> resolve(String host, Promise<InetAddress> promise) {
        delegate.resolve(host).addListener(done -> {
            if (!done.isSuccess()) {
                promise.tryFailure(done.cause());
                return;
            }
            InetAddress address = (InetAddress) done.getNow();
            if (isPublic(address)) {
                promise.trySuccess(address);
            } else {
                promise.tryFailure(refused(host, address));
            }
        });
        return promise;
    }

    @Override
    public Future<List<InetAddress>> resolveAll(String host) {
        Promise<List<InetAddress>> promise = ImmediateEventExecutor.INSTANCE.newPromise();
        return resolveAll(host, promise);
    }

    @Override
    public Future<List<InetAddress>> resolveAll(String host, Promise<List<InetAddress>> promise) {
        delegate.resolveAll(host).addListener(done -> {
            if (!done.isSuccess()) {
                promise.tryFailure(done.cause());
                return;
            }
            @SuppressWarnings("unchecked")
            List<InetAddress> addresses = (List<InetAddress>) done.getNow();
            // All or nothing: a name with one inward address among public ones is refused, not half-trusted.
            InetAddress inward = addresses.stream().filter(address -> !isPublic(address)).findFirst().orElse(null);
            if (inward == null && !addresses.isEmpty()) {
                promise.trySuccess(addresses);
            } else {
                promise.tryFailure(refused(host, inward));
            }
        });
        return promise;
    }

    private static UnknownHostException refused(String host, InetAddress address) {
        return new UnknownHostException("image URL host " + host + " resolves to "
                + (address == null ? "no address" : "the non-public address " + address.getHostAddress())
                + ": refused (only the API's own origin may be private; allowPrivateNetworkDownloads(true) lifts"
                + " this)");
    }

    @Override
    public void close() {
        // the delegate is shared and not ours to close
    }
}
