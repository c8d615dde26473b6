package dev.slipway.platform.deployment;

/**
 * A model object a deployment was built with.
 *
 * @param uri     where it came from, e.g. {@code s3://models/sentiment/model.pkl}
 * @param version the store's version id, or its ETag when the bucket keeps no versions
 * @param sha256  the content's sha256, verified when it was fetched
 * @param size    bytes
 * @param target  where it sits in the app, relative to the app directory
 */
public record DeployedModel(String uri, String version, String sha256, long size, String target) {
}
