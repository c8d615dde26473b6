package dev.slipway.platform.service;

/** A service's status, in App Runner's words. */
public enum ServiceStatus {
    /** Being created or deployed: waiting for its first push, or a deployment is under way. */
    OPERATION_IN_PROGRESS,
    /** Serving its active deployment. */
    RUNNING,
    /** Stopped on request; keeps its deployments. */
    PAUSED,
    /** The first deployment failed: nothing serves yet. */
    CREATE_FAILED,
    /** Deleting failed part way. */
    DELETE_FAILED,
    /** Deleted. */
    DELETED
}
