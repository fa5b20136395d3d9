package dev.seedream.client.internal;

import java.io.IOException;

/** Receives each image item of a response as soon as the reader has it complete. */
@FunctionalInterface
interface ItemHandler<T> {

    void accept(ResponseItem<T> item) throws IOException;
}
