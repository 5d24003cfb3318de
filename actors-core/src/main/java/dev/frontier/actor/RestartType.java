package dev.frontier.actor;

/** When a supervisor restarts a child whose body ended (Erlang's child {@code restart} field). */
public enum RestartType {
    /** Always restarted, whether it failed or its body returned (the default, as in Erlang). */
    PERMANENT,
    /** Restarted only when it failed; a body that returns ends it for good. */
    TRANSIENT,
    /** Never restarted, not even when a sibling's failure takes it down under ONE_FOR_ALL or REST_FOR_ONE. */
    TEMPORARY
}
