package dev.slipway.build.model;

import dev.slipway.config.ModelSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An object store reached with one {@link StoreAccess}: lists what a model source names and
 * streams exact object versions. Thread-safe.
 */
public interface ObjectStore {

    /**
     * Every object the source names: the one object of a key, or each object under a prefix
     * (directory markers left out).
     *
     * @throws ModelFetchException when the bucket or key does not exist, nothing is under the
     *                             prefix, or access is denied; the message names the source
     */
    List<ObjectIdentity> resolve(ModelSource source);

    /**
     * Streams the content of exactly this version of the object into {@code out}.
     *
     * @return the digests the store declares for the content
     * @throws IOException         when the transfer broke off; worth another try
     * @throws ModelFetchException when the object changed or cannot be read; not worth another try
     */
    DeclaredDigests download(ObjectIdentity object, OutputStream out) throws IOException;
}
